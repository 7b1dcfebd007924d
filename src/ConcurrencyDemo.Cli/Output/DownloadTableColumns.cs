using System.Globalization;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads.Download;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>
/// The download table: per URL, what became of it and where its time went. First is the wait for the
/// server's answer (latency), Body the transfer of the body (bandwidth), End when it was done in the run,
/// which shows whether downloads overlapped. The URL and the timeline's other fields stay in csv/json.
/// </summary>
public static class DownloadTableColumns
{
    /// <summary>"Downloaded", the longest status.</summary>
    private const int StatusWidth = 10;

    /// <summary>Up to 268435456 (256 MB, the default limit) and a little more.</summary>
    private const int BytesWidth = 10;

    public static IReadOnlyList<TableColumn> For(int labelWidth, int workerWidth) =>
    [
        ItemTableColumns.Mode,
        ItemTableColumns.Index,
        // The name saved, with the extension the content gave it ("photo-1516117172878-fd2c41f4a759.jpg").
        TableColumn.Left("File", labelWidth + 5, r => r is DownloadResult { Path.Length: > 0 } d ? Path.GetFileName(d.Path) : r.Label),
        ItemTableColumns.Worker(workerWidth),
        TableColumn.Left("Status", StatusWidth, r => (r as DownloadResult)?.Status.ToString() ?? ""),
        TableColumn.Right("Bytes", BytesWidth, r => (r as DownloadResult)?.Bytes.ToString(CultureInfo.InvariantCulture) ?? ""),
        Timed("First", d => d.FirstByteSeconds),
        Timed("Body", d => d.TransferSeconds),
        TableColumn.Seconds("End", r => r.EndSeconds),
        ItemTableColumns.Result,
    ];

    /// <summary>A URL that was skipped or failed has no transfer worth showing: zeros would read as "instant".</summary>
    private static TableColumn Timed(string header, Func<DownloadResult, double> seconds) =>
        TableColumn.Right(header, TableColumn.SecondsWidth,
            r => r is DownloadResult { Status: DownloadStatus.Downloaded } d ? TableColumn.FormatSeconds(seconds(d)) : "-");
}
