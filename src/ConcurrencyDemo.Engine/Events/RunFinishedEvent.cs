using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Engine.Events;

/// <summary>A run is over, its items ended and its workers stopped: the last event of every run that was not stopped.</summary>
public sealed record RunFinishedEvent : BatchEvent
{
    public required RunSummary Summary { get; init; }

    public required int RunNumber { get; init; }
    public required int RunCount { get; init; }
}
