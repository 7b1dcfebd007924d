using System.Globalization;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>
/// For people: a row per item the moment it finishes, a summary per run, then how the runs compare.
/// Rows stream, so the column widths are fixed up front from what the workload can produce.
/// </summary>
public sealed class TableResultWriter : IResultWriter
{
    private const int ModeWidth = 10; // "Sequential"
    private const int SecondsWidth = 8;

    private readonly TextWriter _output;
    private readonly int _labelWidth;
    private readonly int _workerWidth;

    /// <param name="labelWidth">The widest item label of the workload.</param>
    /// <param name="workerWidth">The widest worker name the runs can give (such as "Thread-1000").</param>
    public TableResultWriter(TextWriter output, int labelWidth, int workerWidth)
    {
        _output = output;
        _labelWidth = Math.Max("Label".Length, labelWidth);
        _workerWidth = Math.Max("Worker".Length, workerWidth);
    }

    public void BeginRun(ExecutionMode mode) =>
        _output.WriteLine(Row("Mode", "Index", "Label", "Worker", "Start", "End", "Duration", "Thread", "PID", "Result"));

    public void WriteItem(ItemResult result) =>
        _output.WriteLine(Row(
            result.Mode.ToString(),
            Invariant(result.Index),
            result.Label,
            result.Worker,
            Seconds(result.StartSeconds),
            Seconds(result.EndSeconds),
            Seconds(result.DurationSeconds),
            Invariant(result.ThreadId),
            Invariant(result.ProcessId),
            result.Success ? "OK" : "error: " + OneLine(result.Error)));

    public void EndRun(RunSummary summary)
    {
        string failed = summary.Failed > 0 ? $" ({Invariant(summary.Failed)} failed)" : "";
        _output.WriteLine(
            $"{summary.Mode}: {Invariant(summary.ItemCount)} items{failed} in {Seconds(summary.ElapsedSeconds)} s elapsed; " +
            $"sum of item times {Seconds(summary.ItemSeconds)} s; peak concurrency {Invariant(summary.PeakConcurrency)}; " +
            $"workers {Invariant(summary.WorkerCount)} (throttle limit {Invariant(summary.ThrottleLimit)}); " +
            $"max worker start-up {Seconds(summary.MaxWorkerStartupSeconds)} s");
        _output.WriteLine();
    }

    public void Complete(IReadOnlyList<RunSummary> runs)
    {
        if (runs.Count < 2) return;
        // Speed-up is measured against doing it one at a time, when that was one of the runs.
        var baseline = runs.FirstOrDefault(r => r.Mode == ExecutionMode.Sequential) ?? runs[0];
        _output.WriteLine($"Comparison (speed-up vs {baseline.Mode}):");
        _output.WriteLine($"{"Mode",-ModeWidth}  {"Limit",5}  {"Elapsed",SecondsWidth + 2}  {"Speed-up",8}");
        foreach (var run in runs)
        {
            string speedUp = run.ElapsedSeconds > 0
                ? (baseline.ElapsedSeconds / run.ElapsedSeconds).ToString("0.00", CultureInfo.InvariantCulture) + "x"
                : "-";
            _output.WriteLine($"{run.Mode,-ModeWidth}  {Invariant(run.ThrottleLimit),5}  {Seconds(run.ElapsedSeconds) + " s",SecondsWidth + 2}  {speedUp,8}");
        }
    }

    private string Row(string mode, string index, string label, string worker, string start, string end,
        string duration, string thread, string pid, string result) =>
        $"{mode.PadRight(ModeWidth)}  {index,5}  {label.PadRight(_labelWidth)}  {worker.PadRight(_workerWidth)}  " +
        $"{start,SecondsWidth}  {end,SecondsWidth}  {duration,SecondsWidth}  {thread,6}  {pid,7}  {result}";

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
