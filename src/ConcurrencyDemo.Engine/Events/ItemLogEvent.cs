namespace ConcurrencyDemo.Engine.Events;

/// <summary>A line an item says while it runs, in the workload's words: verbose output in PowerShell.</summary>
public sealed record ItemLogEvent : BatchEvent
{
    public required int Index { get; init; }
    public required string Worker { get; init; }
    public required string Message { get; init; }
}
