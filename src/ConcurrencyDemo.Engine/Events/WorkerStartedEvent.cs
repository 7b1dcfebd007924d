namespace ConcurrencyDemo.Engine.Events;

/// <summary>A worker process became ready; the gap between its start and ready times is what a process costs.</summary>
public sealed record WorkerStartedEvent : BatchEvent
{
    public required string Worker { get; init; }
    public required int ProcessId { get; init; }
    public required double StartSeconds { get; init; }
    public required double ReadySeconds { get; init; }
}
