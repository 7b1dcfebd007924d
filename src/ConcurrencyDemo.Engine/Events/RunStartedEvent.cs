namespace ConcurrencyDemo.Engine.Events;

/// <summary>A run (one mode over the batch) begins: the first event of every run, before any of its items.</summary>
public sealed record RunStartedEvent : BatchEvent
{
    public required string Workload { get; init; }
    public required ExecutionMode Mode { get; init; }

    /// <summary>The most items at once, the mode's default already applied.</summary>
    public required int ThrottleLimit { get; init; }

    public required int ItemCount { get; init; }

    /// <summary>Which of the request's runs this is, from 1, and how many there are: one per mode asked for.</summary>
    public required int RunNumber { get; init; }
    public required int RunCount { get; init; }

    /// <summary>How many worker processes the run starts (Process mode), 0 for the in-process modes.</summary>
    public required int WorkerProcesses { get; init; }
}
