namespace ConcurrencyDemo.Timelines.Measuring;

/// <summary>
/// What one run came to, measured from its items alone: the figures that compare modes. Flat and in seconds,
/// so that it reads in a table and survives Export-Csv; the property order is the column order.
/// </summary>
public sealed class RunMeasurement
{
    public string RunId { get; init; } = "";
    public string Workload { get; init; } = "";
    public string Mode { get; init; } = "";
    public int ThrottleLimit { get; init; }

    /// <summary>in-process, dotnet or pwsh: what the items ran in.</summary>
    public string WorkerHost { get; init; } = "";

    public int Items { get; init; }
    public int Failed { get; init; }

    /// <summary>From the first item's start (or the first worker's request) to the last item's end.</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>The items' durations added up: what one worker alone would have needed.</summary>
    public double WorkSeconds { get; init; }

    /// <summary>WorkSeconds / ElapsedSeconds: how many items ran at once on average.</summary>
    public double AverageConcurrency { get; init; }

    /// <summary>The most items that ran at one instant.</summary>
    public int PeakConcurrency { get; init; }

    /// <summary>
    /// How many times faster than the baseline: the Sequential run of the same workload and item count when the
    /// input has one (its ElapsedSeconds over this run's), otherwise this run's own WorkSeconds over its ElapsedSeconds.
    /// </summary>
    public double SpeedUp { get; init; }

    /// <summary>What SpeedUp is measured against: <c>Sequential</c> (the Sequential run's elapsed time) or <c>WorkSeconds</c>.</summary>
    public string SpeedUpBaseline { get; init; } = "";

    /// <summary>Distinct lanes (Worker): threads, pool threads, worker processes or tasks.</summary>
    public int Lanes { get; init; }

    /// <summary>Distinct threads the items started on, counted per process.</summary>
    public int Threads { get; init; }

    /// <summary>Distinct processes the items ran in.</summary>
    public int Processes { get; init; }

    /// <summary>The slowest lane's start-up: from being asked for to being ready to take an item.</summary>
    public double WorkerStartupSeconds { get; init; }
}
