using ConcurrencyDemo.Engine.Workloads.Convert;
using ConcurrencyDemo.Engine.Workloads.Download;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>
/// The table columns of a result type: a type with a table of its own is listed here; any other result
/// shows the timeline every item has. Keyed by the result type, so the table follows what a workload
/// returns, never which workload it is.
/// </summary>
public static class ResultTables
{
    private static readonly Dictionary<Type, Func<int, int, IReadOnlyList<TableColumn>>> Tables = new()
    {
        [typeof(ConvertResult)] = ConvertTableColumns.For,
        [typeof(DownloadResult)] = DownloadTableColumns.For,
    };

    /// <param name="labelWidth">The widest item label of the workload.</param>
    /// <param name="workerWidth">The widest worker name the runs can give (such as "Thread-1000").</param>
    public static IReadOnlyList<TableColumn> For(Type resultType, int labelWidth, int workerWidth) =>
        Tables.TryGetValue(resultType, out var table) ? table(labelWidth, workerWidth) : ItemTableColumns.Timeline(labelWidth, workerWidth);
}
