using System.Globalization;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Workers;

namespace ConcurrencyDemo.Messages;

/// <summary>
/// The words a batch cmdlet writes to the verbose, debug and progress streams. Kept apart from the
/// cmdlets so they can be checked without a PowerShell runtime. Numbers use the invariant culture,
/// like the engine's own item log lines, so one run reads the same on every machine.
/// </summary>
internal static class BatchMessages
{
    public static string RunStarting(RunStartedEvent run) =>
        Invariant($"{run.Mode}: running {run.ItemCount} {run.Workload} item(s), at most {run.ThrottleLimit} at once.");

    /// <summary>"Process: each worker process is .../native/linux-x64-avx512/ConcurrencyDemo.Worker, a dotnet worker, because ...".</summary>
    public static string WorkerChosen(ChosenWorker worker) =>
        $"Process: each worker process is {worker.Description}, a {worker.Command.HostKind} worker, because {worker.Reason}.";

    /// <summary>The engine's own line, as the CLI writes it too.</summary>
    public static string ItemLog(ItemLogEvent log) => log.ToLine();

    public static string ItemStarted(ItemStartedEvent started) =>
        Invariant($"[{Seconds(started.Seconds)} s] {started.Worker} item {started.Index}: started ({started.Label})");

    public static string WorkerStarted(WorkerStartedEvent worker) => worker.ToLine();

    public static string RunFinished(RunSummary summary) =>
        Invariant($"{summary.Mode}: {summary.ItemCount} item(s) in {Seconds(summary.ElapsedSeconds)} s; the items' own time adds up to {Seconds(summary.ItemSeconds)} s; ") +
        Invariant($"peak {summary.PeakConcurrency} at once on {summary.WorkerCount} worker(s), throttle limit {summary.ThrottleLimit}; ") +
        Invariant($"{summary.Succeeded} succeeded, {summary.Failed} failed; slowest worker start-up {Seconds(summary.MaxWorkerStartupSeconds)} s; ") +
        Invariant($"peak memory {Megabytes(summary.PeakWorkingSetBytes)} MB here") +
        (summary.PeakWorkerWorkingSetBytes > 0 ? Invariant($", {Megabytes(summary.PeakWorkerWorkingSetBytes)} MB in worker processes.") : ".");

    public static string ItemFailed(ItemResult result) =>
        $"Item {result.Index} ({result.Label}) failed in {result.Mode} mode on {result.Worker}: {result.Error}";

    public static string ProgressActivity(string commandName, RunStartedEvent run) =>
        run.RunCount > 1 ? $"{commandName}: {run.Mode} (run {run.RunNumber} of {run.RunCount})" : $"{commandName}: {run.Mode}";

    public static string ProgressStatus(int completed, int total, int failed, long bytes = 0) =>
        (failed == 0
            ? Invariant($"{completed} of {total} item(s) done")
            : Invariant($"{completed} of {total} item(s) done, {failed} failed"))
        + (bytes > 0 ? Invariant($", {bytes / 1e6:0.0} MB") : "");

    /// <summary>Process mode pays for its workers before the first item: say so rather than sit at 0 %.</summary>
    public static string ProgressWorkersStarting(int ready, int expected, int completed, int total) =>
        Invariant($"Starting worker processes: {ready} of {expected} ready; {completed} of {total} item(s) done");

    /// <summary>0..100 as Write-Progress wants it; an empty batch counts as finished rather than dividing by zero.</summary>
    public static int PercentComplete(int completed, int total) =>
        total <= 0 ? 100 : (int)Math.Clamp(completed * 100L / total, 0, 100);

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
