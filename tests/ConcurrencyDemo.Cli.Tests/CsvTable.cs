using System.Globalization;
using System.Text;

namespace ConcurrencyDemo.Cli.Tests;

/// <summary>An RFC 4180 reader, written independently of the CLI's writer so that one cannot hide the other's mistakes.</summary>
internal sealed class CsvTable
{
    public required IReadOnlyList<string> Header { get; init; }
    public required IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; init; }

    public static CsvTable Parse(string text)
    {
        var records = ReadRecords(text);
        Assert.NotEmpty(records);
        var header = records[0];
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var record in records.Skip(1))
        {
            Assert.True(record.Count == header.Count, $"A row has {record.Count} fields, the header {header.Count}: {string.Join('|', record)}");
            rows.Add(header.Zip(record).ToDictionary(p => p.First, p => p.Second));
        }
        return new CsvTable { Header = header, Rows = rows };
    }

    public static double Number(IReadOnlyDictionary<string, string> row, string column) =>
        double.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<List<string>> ReadRecords(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; any = true; break;
                case ',': record.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    record.Add(field.ToString()); field.Clear();
                    records.Add(record); record = []; any = false;
                    break;
                default: field.Append(c); any = true; break;
            }
        }
        Assert.False(quoted, "The CSV ends inside a quoted field.");
        if (any || field.Length > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }
}
