using ConcurrencyDemo.Engine.WorkerProcesses;
using ConcurrencyDemo.Engine.Workloads;

namespace ConcurrencyDemo.Engine;

/// <summary>One run: a workload in one mode.</summary>
public sealed record BatchRequest
{
    public required Workload Workload { get; init; }

    public ExecutionMode Mode { get; init; } = ExecutionMode.Sequential;

    /// <summary>The most items at once; 0 means the mode's default (see <see cref="ThrottleLimits"/>).</summary>
    public int ThrottleLimit { get; init; }

    /// <summary>Deliver results in input order (Python's <c>Executor.map</c>) instead of as they complete (<c>as_completed</c>).</summary>
    public bool Ordered { get; init; }

    /// <summary>How to start a worker process; required for <see cref="ExecutionMode.Process"/>.</summary>
    public WorkerCommand? WorkerCommand { get; init; }

    /// <summary>How long a worker process may take to say it is ready before it counts as failed.</summary>
    public TimeSpan WorkerStartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
