namespace ConcurrencyDemo.Timelines.Measuring;

/// <summary>
/// Measures runs from their items: the one place the figures of Measure-ConcurrencyRun, the CLI and the HTML
/// report are worked out.
/// </summary>
public static class RunMeasurer
{
    /// <summary>A Sequential run's SpeedUpBaseline, and the mode a run is compared against when the input has it.</summary>
    public const string SequentialBaseline = "Sequential";

    /// <summary>The SpeedUpBaseline of a run with no Sequential run to compare with: the items' own total time.</summary>
    public const string WorkBaseline = "WorkSeconds";

    /// <summary>One measurement per run, in the runs' order.</summary>
    public static IReadOnlyList<RunMeasurement> Measure(IReadOnlyList<TimelineRun> runs)
    {
        var measurements = new List<RunMeasurement>(runs.Count);
        for (int i = 0; i < runs.Count; i++)
            measurements.Add(Measure(runs[i], FindBaseline(runs, i)));
        return measurements;
    }

    private static RunMeasurement Measure(TimelineRun run, TimelineRun? baseline)
    {
        double elapsed = run.ElapsedSeconds;
        double work = run.Items.Sum(i => Math.Max(0, i.DurationSeconds));
        double average = elapsed > 0 ? work / elapsed : 0;
        return new RunMeasurement
        {
            RunId = run.RunId,
            Workload = run.Workload,
            Mode = run.Mode,
            ThrottleLimit = run.ThrottleLimit,
            WorkerHost = run.WorkerHost,
            Items = run.Items.Count,
            Failed = run.Failed,
            ElapsedSeconds = elapsed,
            WorkSeconds = work,
            AverageConcurrency = average,
            PeakConcurrency = Overlap.Peak(run.Items.Select(i => (i.StartSeconds, i.EndSeconds))),
            SpeedUp = baseline is null ? average : elapsed > 0 ? baseline.ElapsedSeconds / elapsed : 0,
            SpeedUpBaseline = baseline is null ? WorkBaseline : SequentialBaseline,
            Lanes = run.Lanes.Count,
            Threads = run.Items.Select(i => (i.ProcessId, i.ThreadId)).Distinct().Count(),
            Processes = run.Items.Select(i => i.ProcessId).Distinct().Count(),
            WorkerStartupSeconds = run.Lanes.Max(l => l.StartupSeconds),
        };
    }

    /// <summary>
    /// The Sequential run of the same workload with as many items, nearest before this run in the input (so a
    /// session that repeats the comparison compares each round with its own baseline), else the first after it.
    /// Runs of other batches are no baseline: ten sleeps say nothing about the speed of twenty.
    /// </summary>
    private static TimelineRun? FindBaseline(IReadOnlyList<TimelineRun> runs, int index)
    {
        var run = runs[index];
        bool IsBaseline(TimelineRun candidate) =>
            string.Equals(candidate.Mode, SequentialBaseline, StringComparison.OrdinalIgnoreCase)
            && string.Equals(candidate.Workload, run.Workload, StringComparison.OrdinalIgnoreCase)
            && candidate.Items.Count == run.Items.Count;

        for (int i = index; i >= 0; i--)
            if (IsBaseline(runs[i])) return runs[i];
        for (int i = index + 1; i < runs.Count; i++)
            if (IsBaseline(runs[i])) return runs[i];
        return null;
    }
}
