namespace ConcurrencyDemo.Timelines;

/// <summary>
/// One lane of a run (a thread, a pool thread, a worker process, a task): its items in the order they started,
/// and when the lane was asked for and when it was ready, whose gap is what starting it cost.
/// </summary>
public sealed class TimelineLane
{
    public TimelineLane(string name, IEnumerable<TimelineItem> items)
    {
        Name = name;
        Items = items.OrderBy(i => i.StartSeconds).ThenBy(i => i.Index).ToList();
        if (Items.Count == 0) throw new ArgumentException("A lane has at least one item.", nameof(items));
        // Every item of a lane carries the same start-up; the earliest asked-for is the lane's own.
        var first = Items.MinBy(i => i.WorkerStartSeconds)!;
        StartupStartSeconds = first.WorkerStartSeconds;
        StartupReadySeconds = Math.Max(first.WorkerStartSeconds, first.WorkerReadySeconds);
    }

    public string Name { get; }

    public IReadOnlyList<TimelineItem> Items { get; }

    public double StartupStartSeconds { get; }

    public double StartupReadySeconds { get; }

    public double StartupSeconds => StartupReadySeconds - StartupStartSeconds;
}
