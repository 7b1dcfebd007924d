using System.Globalization;

namespace ConcurrencyDemo.Timelines;

/// <summary>One named field of a result, with its value as the reader found it (a number, a flag, or text from a CSV).</summary>
public sealed record TimelineField(string Name, object? Value)
{
    /// <summary>The value as text the same on every machine: invariant numbers, seconds to the microsecond.</summary>
    public string Text => Value switch
    {
        null => "",
        string text => text,
        double number => number.ToString("0.######", CultureInfo.InvariantCulture),
        float number => number.ToString("0.######", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? "",
    };
}
