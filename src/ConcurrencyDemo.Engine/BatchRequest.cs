using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.WorkerProcesses;

namespace ConcurrencyDemo.Engine;

/// <summary>A workload to run once per mode, one run after another, so that their timings can be compared.</summary>
public sealed record BatchRequest
{
    public required Workload Workload { get; init; }

    /// <summary>The modes, in the order their runs happen; at least one.</summary>
    public IReadOnlyList<ExecutionMode> Modes { get; init; } = [ExecutionMode.Sequential];

    /// <summary>The most items at once; 0 means each mode's default (see <see cref="ThrottleLimits"/>).</summary>
    public int ThrottleLimit { get; init; }

    /// <summary>Deliver results in input order (Python's <c>Executor.map</c>) instead of as they complete (<c>as_completed</c>).</summary>
    public bool Ordered { get; init; }

    /// <summary>
    /// How to start a worker process in the front end's world (a program of its own, the .NET host, pwsh);
    /// required when <see cref="Modes"/> has <see cref="ExecutionMode.Process"/>.
    /// </summary>
    public WorkerCommand? WorkerCommand { get; init; }

    /// <summary>How long a worker process may take to say it is ready before it counts as failed.</summary>
    public TimeSpan WorkerStartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
