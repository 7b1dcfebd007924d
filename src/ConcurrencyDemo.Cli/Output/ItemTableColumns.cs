using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>
/// The columns any item has: which run, which item, which lane ran it and when. A workload's own table
/// (such as <see cref="ConvertTableColumns"/>) picks from these and adds its own.
/// </summary>
public static class ItemTableColumns
{
    /// <summary>"Sequential", the longest mode name.</summary>
    private const int ModeWidth = 10;

    public static TableColumn Mode { get; } = TableColumn.Left("Mode", ModeWidth, r => r.Mode.ToString());

    public static TableColumn Index { get; } = TableColumn.Right("Index", 5, r => TableColumn.Invariant(r.Index));

    public static TableColumn Label(string header, int width) => TableColumn.Left(header, width, r => r.Label);

    public static TableColumn Worker(int width) => TableColumn.Left("Worker", width, r => r.Worker);

    /// <summary>Meant to be the last column, which the table never pads, however long an error message is.</summary>
    public static TableColumn Result { get; } = TableColumn.Left("Result", 0, r => r.Success ? "OK" : "error: " + r.Error.ReplaceLineEndings(" "));

    /// <summary>The timeline of each item: what the sleep lesson is about.</summary>
    /// <param name="labelWidth">The widest item label of the workload.</param>
    /// <param name="workerWidth">The widest worker name the runs can give (such as "Thread-1000").</param>
    public static IReadOnlyList<TableColumn> Timeline(int labelWidth, int workerWidth) =>
    [
        Mode,
        Index,
        Label("Label", labelWidth),
        Worker(workerWidth),
        TableColumn.Seconds("Start", r => r.StartSeconds),
        TableColumn.Seconds("End", r => r.EndSeconds),
        TableColumn.Seconds("Duration", r => r.DurationSeconds),
        TableColumn.Right("Thread", 6, r => TableColumn.Invariant(r.ThreadId)),
        TableColumn.Right("PID", 7, r => TableColumn.Invariant(r.ProcessId)),
        Result,
    ];
}
