namespace ConcurrencyDemo.Timelines;

/// <summary>
/// The items of one run (one mode over one batch, one RunId) and its lanes. Its span runs from the first thing
/// that happened, an item's start or a worker being asked for, to the last item's end.
/// </summary>
public sealed class TimelineRun
{
    private TimelineRun(IReadOnlyList<TimelineItem> items)
    {
        Items = items;
        var first = items[0];
        RunId = first.RunId;
        Workload = first.Workload;
        Mode = first.Mode;
        ThrottleLimit = first.ThrottleLimit;
        WorkerHost = first.WorkerHost;
        Lanes = items.GroupBy(i => i.Worker, StringComparer.Ordinal)
            .Select(g => new TimelineLane(g.Key, g))
            .OrderBy(l => l.Name, LaneNameComparer.Instance)
            .ToList();
        StartSeconds = items.Min(i => Math.Min(i.StartSeconds, i.WorkerStartSeconds));
        EndSeconds = items.Max(i => i.EndSeconds);
        Failed = items.Count(i => !i.Success);
    }

    /// <summary>Items grouped into runs by RunId, the runs in the order their first item came.</summary>
    public static IReadOnlyList<TimelineRun> Group(IEnumerable<TimelineItem> items) =>
        items.GroupBy(i => i.RunId, StringComparer.Ordinal).Select(g => new TimelineRun(g.ToList())).ToList();

    public string RunId { get; }
    public string Workload { get; }
    public string Mode { get; }
    public int ThrottleLimit { get; }
    public string WorkerHost { get; }

    /// <summary>In the order they came.</summary>
    public IReadOnlyList<TimelineItem> Items { get; }

    /// <summary>One per distinct Worker, in name order (Pool-2 before Pool-10).</summary>
    public IReadOnlyList<TimelineLane> Lanes { get; }

    /// <summary>The first item's start or the first worker's request, whichever came first.</summary>
    public double StartSeconds { get; }

    public double EndSeconds { get; }

    /// <summary>From the first start to the last end, worker start-up included: what a user waited.</summary>
    public double ElapsedSeconds => Math.Max(0, EndSeconds - StartSeconds);

    public int Failed { get; }

    /// <summary>Where a chart of the run must reach: the last end, or a lane that became ready later still.</summary>
    public double ChartEndSeconds => Math.Max(EndSeconds, Lanes.Max(l => l.StartupReadySeconds));
}
