using System.Globalization;

namespace ConcurrencyDemo.Timelines.Layout;

/// <summary>
/// The line above a run's chart, the same in every drawing: what compares runs first (mode, throttle limit, elapsed
/// time), then what the run was, so that a narrow console cuts only the least of it.
/// </summary>
public static class RunTitle
{
    /// <summary>"Pool, throttle limit 6, 2.006 s: 10 Sleep items, in-process, run 6d2f1a3b".</summary>
    public static string Of(TimelineRun run)
    {
        string failed = run.Failed > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({run.Failed} failed)") : "";
        string host = run.WorkerHost.Length > 0 ? ", " + run.WorkerHost : "";
        string items = run.Items.Count == 1 ? "item" : "items";
        return string.Create(CultureInfo.InvariantCulture,
            $"{run.Mode}, throttle limit {run.ThrottleLimit}, {run.ElapsedSeconds:0.000} s: {run.Items.Count} {run.Workload} {items}{failed}{host}, run {run.RunId}");
    }
}
