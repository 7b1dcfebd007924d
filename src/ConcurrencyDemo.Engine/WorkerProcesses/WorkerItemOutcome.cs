using System.Text.Json;

namespace ConcurrencyDemo.Engine.WorkerProcesses;

/// <summary>
/// How one item ended in a worker process, as the protocol told it. <see cref="Result"/> is the workload's
/// own JSON when the worker finished the item; otherwise <see cref="WorkerGone"/> says why there is none.
/// Timestamps are the shared monotonic clock's.
/// </summary>
internal sealed record WorkerItemOutcome
{
    public JsonElement? Result { get; init; }

    /// <summary>Why the worker could not finish the item (it exited, or gave up); null when it finished it.</summary>
    public string? WorkerGone { get; init; }

    public long StartTimestamp { get; init; }
    public long EndTimestamp { get; init; }

    /// <summary>The worker's thread that ran the item; 0 when it never said it started.</summary>
    public int ThreadId { get; init; }
}
