using System.Globalization;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>
/// One header, then one row per item of every run: the shape Import-Csv, spreadsheets and pandas expect.
/// Numbers use the invariant culture and round-trip precision so nothing is lost between tools; fields
/// are quoted as RFC 4180 says. Lines end in LF, which every CSV reader accepts and Unix tools prefer.
/// </summary>
public sealed class CsvResultWriter : IResultWriter
{
    private readonly TextWriter _output;
    private readonly IReadOnlyList<ResultColumn> _columns;

    public CsvResultWriter(TextWriter output, Type resultType)
    {
        _output = output;
        _columns = ResultColumn.For(resultType);
        WriteLine(_columns.Select(c => c.Name));
    }

    public void BeginRun(ExecutionMode mode) { }

    public void WriteItem(ItemResult result) =>
        WriteLine(_columns.Select(c => FormatValue(c.GetValue(result))));

    public void EndRun(RunSummary summary) { }

    public void Complete(IReadOnlyList<RunSummary> runs) { }

    public static string FormatValue(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    private void WriteLine(IEnumerable<string> fields) =>
        _output.Write(string.Join(',', fields.Select(Quote)) + "\n");
}
