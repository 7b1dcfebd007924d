using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.Results;

/// <summary>
/// The timing of one item of a batch: flat, numbers in seconds, so that it reads well in
/// <c>Format-Table</c> and survives <c>Export-Csv</c>. Workloads add their own fields in derived types.
/// </summary>
public class ItemResult
{
    /// <summary>Identifies the run (one mode over one batch); all items of a run share it.</summary>
    public string RunId { get; set; } = "";

    public string Workload { get; set; } = "";

    public ExecutionMode Mode { get; set; }

    /// <summary>The most items the run let run at once.</summary>
    public int ThrottleLimit { get; set; }

    /// <summary>Position of the item in the input, from 0.</summary>
    public int Index { get; set; }

    public string Label { get; set; } = "";

    /// <summary>Seconds from the start of the run to the start of the item.</summary>
    public double StartSeconds { get; set; }

    /// <summary>Seconds from the start of the run to the end of the item.</summary>
    public double EndSeconds { get; set; }

    public double DurationSeconds { get; set; }

    /// <summary>Which lane ran the item: a thread, a pool thread, a worker process or a task.</summary>
    public string Worker { get; set; } = "";

    /// <summary>Seconds from the start of the run to when the lane was asked for (thread created, process spawned).</summary>
    public double WorkerStartSeconds { get; set; }

    /// <summary>Seconds from the start of the run to when the lane could take work: the gap is what a thread or process costs.</summary>
    public double WorkerReadySeconds { get; set; }

    /// <summary>Managed thread id the item started on (in its own process).</summary>
    public int ThreadId { get; set; }

    /// <summary>Operating-system process id the item ran in.</summary>
    public int ProcessId { get; set; }

    /// <summary>
    /// What kind of program the item ran in: "dotnet" for a .NET worker process, "pwsh" for a PowerShell
    /// worker process, "in-process" for a thread or task of the process that asked for the run.
    /// </summary>
    public string WorkerHost { get; set; } = "";

    public bool Success { get; set; }

    /// <summary>Why the item failed, as a kind a script can test (None when it succeeded); <see cref="Error"/> says it in words.</summary>
    public FailureKind Failure { get; set; }

    /// <summary>Why the item failed; empty when it succeeded.</summary>
    public string Error { get; set; } = "";
}
