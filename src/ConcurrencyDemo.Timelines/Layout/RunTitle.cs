using System.Globalization;

namespace ConcurrencyDemo.Timelines.Layout;

/// <summary>The line above a run's chart, the same in every drawing: mode, throttle limit, items and elapsed time.</summary>
public static class RunTitle
{
    /// <summary>"Pool, throttle limit 6: 10 Sleep item(s) in 2.006 s (run 6d2f1a3b, in-process)".</summary>
    public static string Of(TimelineRun run)
    {
        string failed = run.Failed > 0 ? string.Create(CultureInfo.InvariantCulture, $", {run.Failed} failed") : "";
        string host = run.WorkerHost.Length > 0 ? ", " + run.WorkerHost : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{run.Mode}, throttle limit {run.ThrottleLimit}: {run.Items.Count} {run.Workload} item(s){failed} in {run.ElapsedSeconds:0.000} s (run {run.RunId}{host})");
    }
}
