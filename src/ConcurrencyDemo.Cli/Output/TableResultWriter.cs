using System.Globalization;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>
/// For people: a row per item the moment it finishes, a summary per run, then how the runs compare.
/// Which columns a row has depends on the workload (<see cref="ItemTableColumns"/>, <see cref="ConvertTableColumns"/>).
/// </summary>
public sealed class TableResultWriter : IResultWriter
{
    private const int ModeWidth = 10; // "Sequential"
    private const int SecondsWidth = TableColumn.SecondsWidth;

    private readonly TextWriter _output;
    private readonly IReadOnlyList<TableColumn> _columns;

    public TableResultWriter(TextWriter output, IReadOnlyList<TableColumn> columns)
    {
        _output = output;
        _columns = columns;
    }

    public void BeginRun(ExecutionMode mode) =>
        _output.WriteLine(Row(_columns.Select(c => c.Header)));

    public void WriteItem(ItemResult result) =>
        _output.WriteLine(Row(_columns.Select(c => c.Value(result))));

    public void EndRun(RunSummary summary)
    {
        string failed = summary.Failed > 0 ? $" ({Invariant(summary.Failed)} failed)" : "";
        _output.WriteLine(
            $"{summary.Mode}: {Invariant(summary.ItemCount)} items{failed} in {Seconds(summary.ElapsedSeconds)} s elapsed; " +
            $"sum of item times {Seconds(summary.ItemSeconds)} s; peak concurrency {Invariant(summary.PeakConcurrency)}; " +
            $"workers {Invariant(summary.WorkerCount)} (throttle limit {Invariant(summary.ThrottleLimit)}); " +
            $"max worker start-up {Seconds(summary.MaxWorkerStartupSeconds)} s; " +
            $"peak memory {Megabytes(summary.PeakWorkingSetBytes)} MB" +
            (summary.PeakWorkerWorkingSetBytes > 0 ? $" (+{Megabytes(summary.PeakWorkerWorkingSetBytes)} MB in workers)" : ""));
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

    /// <summary>The last cell is not padded: nothing follows it, and trailing spaces only get in a diff's way.</summary>
    private string Row(IEnumerable<string> cells) =>
        string.Join("  ", _columns.Zip(cells, (column, cell) => ReferenceEquals(column, _columns[^1]) ? cell : column.Pad(cell)));

    private static string Seconds(double seconds) => TableColumn.FormatSeconds(seconds);


    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Invariant(int value) => TableColumn.Invariant(value);
}
