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
    public static string RunStarting(ExecutionMode mode, int itemCount, string workload, int throttleLimit) =>
        Invariant($"{mode}: running {itemCount} {workload} item(s), at most {throttleLimit} at once.");

    /// <summary>"Process: each worker process is /usr/bin/dotnet running .../ConcurrencyDemo.Worker.dll, a dotnet worker, because ...".</summary>
    public static string WorkerChosen(ChosenWorker worker) =>
        $"Process: each worker process is {worker.Description}, a {worker.Command.HostKind} worker, because {worker.Reason}.";

    /// <summary>"[Thread-3] Sleeping 1 second(s)...": the worker first, so interleaved lines show who said what.</summary>
    public static string ItemLog(ItemLogEvent log) => $"[{log.Worker}] {log.Message}";

    public static string ItemStarted(ItemStartedEvent started) =>
        Invariant($"[{started.Worker}] Started item {started.Index} ({started.Label}) at {Seconds(started.Seconds)} s.");

    public static string WorkerStarted(WorkerStartedEvent worker) =>
        Invariant($"[{worker.Worker}] Worker process {worker.ProcessId} ready after {Seconds(worker.ReadySeconds - worker.StartSeconds)} s (asked for at {Seconds(worker.StartSeconds)} s).");

    public static string RunFinished(RunSummary summary) =>
        Invariant($"{summary.Mode}: {summary.ItemCount} item(s) in {Seconds(summary.ElapsedSeconds)} s; the items' own time adds up to {Seconds(summary.ItemSeconds)} s; ") +
        Invariant($"peak {summary.PeakConcurrency} at once on {summary.WorkerCount} worker(s), throttle limit {summary.ThrottleLimit}; ") +
        Invariant($"{summary.Succeeded} succeeded, {summary.Failed} failed; slowest worker start-up {Seconds(summary.MaxWorkerStartupSeconds)} s.");

    public static string ItemFailed(ItemResult result) =>
        $"Item {result.Index} ({result.Label}) failed in {result.Mode} mode on {result.Worker}: {result.Error}";

    public static string ProgressActivity(string commandName, ExecutionMode mode, int runNumber, int runCount) =>
        runCount > 1 ? $"{commandName}: {mode} (run {runNumber} of {runCount})" : $"{commandName}: {mode}";

    public static string ProgressStarting(int itemCount) => Invariant($"Starting {itemCount} item(s)");

    public static string ProgressStatus(BatchProgressEvent progress) =>
        progress.Failed == 0
            ? Invariant($"{progress.Completed} of {progress.Total} item(s) done")
            : Invariant($"{progress.Completed} of {progress.Total} item(s) done, {progress.Failed} failed");

    /// <summary>0..100 as Write-Progress wants it; an empty batch counts as finished rather than dividing by zero.</summary>
    public static int PercentComplete(int completed, int total) =>
        total <= 0 ? 100 : (int)Math.Clamp(completed * 100L / total, 0, 100);

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
