namespace ConcurrencyDemo.Engine.Events;

public sealed record ItemStartedEvent : BatchEvent
{
    public required int Index { get; init; }
    public required string Label { get; init; }
    public required string Worker { get; init; }
}
