namespace ConcurrencyDemo.Engine.Results;

/// <summary>What one run of a batch came to: the figure to compare between modes.</summary>
public sealed class RunSummary
{
    public string RunId { get; set; } = "";
    public string Workload { get; set; } = "";
    public ExecutionMode Mode { get; set; }
    public int ThrottleLimit { get; set; }
    public int ItemCount { get; set; }
    public int Succeeded { get; set; }
    public int Failed { get; set; }

    /// <summary>Wall-clock seconds from the start of the run until its last item ended and its workers stopped.</summary>
    public double ElapsedSeconds { get; set; }

    /// <summary>Sum of the items' own durations: ElapsedSeconds below it means items overlapped.</summary>
    public double ItemSeconds { get; set; }

    /// <summary>The most items that were running at one instant, from the recorded intervals.</summary>
    public int PeakConcurrency { get; set; }

    /// <summary>Distinct lanes (threads, processes, tasks) that ran items.</summary>
    public int WorkerCount { get; set; }

    /// <summary>The longest time a lane took from being asked for to being ready.</summary>
    public double MaxWorkerStartupSeconds { get; set; }

    /// <summary>The most memory this process held during the run (its working set, sampled).</summary>
    public long PeakWorkingSetBytes { get; set; }

    /// <summary>The most memory the run's worker processes held together at one time (sampled); 0 without workers.</summary>
    public long PeakWorkerWorkingSetBytes { get; set; }
}
