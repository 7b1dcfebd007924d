using System.Text;
using System.Text.Json;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>
/// JSON lines: one object per item, nothing else, so <c>jq</c> or a line-by-line reader can follow a run
/// as it goes. Field names and order are the CSV columns'; enums are their names, as in the CSV.
/// </summary>
public sealed class JsonLinesResultWriter : IResultWriter
{
    private readonly TextWriter _output;
    private readonly IReadOnlyList<ResultColumn> _columns;

    public JsonLinesResultWriter(TextWriter output, Type resultType)
    {
        _output = output;
        _columns = ResultColumn.For(resultType);
    }

    public void BeginRun(ExecutionMode mode) { }

    public void WriteItem(ItemResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var column in _columns)
            {
                switch (column.GetValue(result))
                {
                    case null: json.WriteNull(column.Name); break;
                    case double d: json.WriteNumber(column.Name, d); break;
                    case int i: json.WriteNumber(column.Name, i); break;
                    case long l: json.WriteNumber(column.Name, l); break;
                    case bool b: json.WriteBoolean(column.Name, b); break;
                    case var other: json.WriteString(column.Name, other.ToString()); break;
                }
            }
            json.WriteEndObject();
        }
        _output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n");
    }

    public void EndRun(RunSummary summary) { }

    public void Complete(IReadOnlyList<RunSummary> runs) { }
}
