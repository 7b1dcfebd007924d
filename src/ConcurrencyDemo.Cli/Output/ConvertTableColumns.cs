using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads.Convert;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>
/// The convert table: per photo, how its size changed and where its time went (the CPU-bound lesson is
/// that blur and codecs dominate, not the file reads). The timeline and read/write times stay in csv/json.
/// </summary>
public static class ConvertTableColumns
{
    /// <summary>"4000x3000 -> 1200x900"; larger photos just push their row a little to the right.</summary>
    private const int SizeWidth = 21;

    public static IReadOnlyList<TableColumn> For(int labelWidth, int workerWidth) =>
    [
        ItemTableColumns.Mode,
        ItemTableColumns.Index,
        ItemTableColumns.Label("File", labelWidth),
        ItemTableColumns.Worker(workerWidth),
        TableColumn.Left("Size", SizeWidth, r => Converted(r) is { } c ? $"{c.SourceWidth}x{c.SourceHeight} -> {c.OutputWidth}x{c.OutputHeight}" : ""),
        Stage("Decode", c => c.DecodeSeconds),
        Stage("Blur", c => c.BlurSeconds),
        Stage("Thumbnail", c => c.ThumbnailSeconds),
        Stage("Encode", c => c.EncodeSeconds),
        TableColumn.Seconds("Total", r => r.DurationSeconds),
        ItemTableColumns.Result,
    ];

    /// <summary>A failed photo has no stage times worth showing: zeros would read as "instant".</summary>
    private static TableColumn Stage(string header, Func<ConvertResult, double> seconds) =>
        TableColumn.Right(header, TableColumn.SecondsWidth, r => Converted(r) is { } c ? TableColumn.FormatSeconds(seconds(c)) : "-");

    private static ConvertResult? Converted(ItemResult result) => result.Success ? result as ConvertResult : null;
}
