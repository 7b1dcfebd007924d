using System.Globalization;
using System.Management.Automation;
using ConcurrencyDemo.Timelines;

namespace ConcurrencyDemo.Results;

/// <summary>
/// Reads any object as a timeline item by the results' common property names, so that every cmdlet's results
/// work, today's and those of workloads still to come, and so do the rows Import-Csv makes of an Export-Csv of
/// them, whose values are all text. A required field that is missing, or a number that is not one, is a problem
/// named in words; the other fields fall back to nothing.
/// </summary>
internal static class TimelineItemReader
{
    public static TimelineItem? Read(PSObject input, out string problem)
    {
        problem = "";
        foreach (string name in TimelineItem.RequiredFieldNames)
        {
            if (input.Properties[name] is null)
            {
                problem = $"it has no {name} property";
                return null;
            }
        }
        var fields = ReadFields(input);
        var byName = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields) byName.TryAdd(field.Name, field.Value);

        string runId = Text(byName, nameof(TimelineItem.RunId));
        string worker = Text(byName, nameof(TimelineItem.Worker));
        if (runId.Length == 0) { problem = "its RunId is empty"; return null; }
        if (worker.Length == 0) { problem = "its Worker is empty"; return null; }

        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string name in SecondsFields)
        {
            if (!byName.TryGetValue(name, out object? value) || value is null || value is string { Length: 0 })
                continue;
            if (!TryNumber(value, out double number))
            {
                problem = $"its {name} '{value}' is not a number of seconds";
                return null;
            }
            numbers[name] = number;
        }
        if (!numbers.ContainsKey(nameof(TimelineItem.StartSeconds)) || !numbers.ContainsKey(nameof(TimelineItem.EndSeconds)))
        {
            problem = "its StartSeconds or EndSeconds is empty";
            return null;
        }
        double start = numbers[nameof(TimelineItem.StartSeconds)];
        double end = numbers[nameof(TimelineItem.EndSeconds)];
        return new TimelineItem
        {
            RunId = runId,
            Workload = Text(byName, nameof(TimelineItem.Workload)),
            Mode = Text(byName, nameof(TimelineItem.Mode)),
            ThrottleLimit = WholeNumber(byName, nameof(TimelineItem.ThrottleLimit)),
            Index = WholeNumber(byName, nameof(TimelineItem.Index)),
            Label = Text(byName, nameof(TimelineItem.Label)),
            StartSeconds = start,
            EndSeconds = end,
            DurationSeconds = numbers.GetValueOrDefault(nameof(TimelineItem.DurationSeconds), Math.Max(0, end - start)),
            Worker = worker,
            // A result without worker fields had no start-up to show: its lane was ready when its item began.
            WorkerStartSeconds = numbers.GetValueOrDefault(nameof(TimelineItem.WorkerStartSeconds), start),
            WorkerReadySeconds = numbers.GetValueOrDefault(nameof(TimelineItem.WorkerReadySeconds), start),
            ThreadId = WholeNumber(byName, nameof(TimelineItem.ThreadId)),
            ProcessId = WholeNumber(byName, nameof(TimelineItem.ProcessId)),
            WorkerHost = Text(byName, nameof(TimelineItem.WorkerHost)),
            Success = Flag(byName, nameof(TimelineItem.Success), whenMissing: true),
            Failure = Text(byName, nameof(TimelineItem.Failure)),
            Error = Text(byName, nameof(TimelineItem.Error)),
            Fields = fields,
        };
    }

    private static readonly string[] SecondsFields =
    [
        nameof(TimelineItem.StartSeconds), nameof(TimelineItem.EndSeconds), nameof(TimelineItem.DurationSeconds),
        nameof(TimelineItem.WorkerStartSeconds), nameof(TimelineItem.WorkerReadySeconds),
    ];

    /// <summary>Every property in the object's own order (the results' one order, or the CSV's columns), values unwrapped.</summary>
    private static List<TimelineField> ReadFields(PSObject input)
    {
        var fields = new List<TimelineField>();
        foreach (var property in input.Properties)
        {
            object? value;
            try { value = property.Value; }
            catch (GetValueException) { continue; }
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            fields.Add(new TimelineField(property.Name, value));
        }
        return fields;
    }

    private static string Text(Dictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out object? value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" : "";

    private static int WholeNumber(Dictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out object? value) && value is not null && TryNumber(value, out double number)
        && number is >= int.MinValue and <= int.MaxValue ? (int)number : 0;

    private static bool Flag(Dictionary<string, object?> fields, string name, bool whenMissing) =>
        !fields.TryGetValue(name, out object? value) || value is null ? whenMissing
        : value is bool flag ? flag
        : bool.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), out bool parsed) ? parsed : whenMissing;

    /// <summary>
    /// A number, or text that is one: invariant first (the module's own CSV), then the current culture, where
    /// Export-Csv wrote "1,5" for one and a half.
    /// </summary>
    private static bool TryNumber(object value, out double number)
    {
        switch (value)
        {
            case double d: number = d; return double.IsFinite(d);
            case string text:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                    || double.TryParse(text, NumberStyles.Float, CultureInfo.CurrentCulture, out number);
            case IConvertible convertible when value is not bool:
                try
                {
                    number = convertible.ToDouble(CultureInfo.InvariantCulture);
                    return double.IsFinite(number);
                }
                catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException) { }
                break;
        }
        number = 0;
        return false;
    }
}
