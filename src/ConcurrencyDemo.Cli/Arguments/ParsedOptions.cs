using System.Globalization;

namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// What a command line said, by option name, with typed readers that turn a bad value into a
/// <see cref="UsageException"/> naming the option.
/// </summary>
public sealed class ParsedOptions
{
    private readonly Dictionary<string, List<string>> _values;

    internal ParsedOptions(Dictionary<string, List<string>> values, IReadOnlyList<string> positionals)
    {
        _values = values;
        Positionals = positionals;
    }

    /// <summary>The arguments that are not options or their values (file names), in the order given.</summary>
    public IReadOnlyList<string> Positionals { get; }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? GetString(string name) => _values.TryGetValue(name, out var v) ? v[^1] : null;

    /// <summary>Every value of a list option, split at commas, in the order given; empty when absent.</summary>
    public IReadOnlyList<string> GetList(string name) =>
        _values.TryGetValue(name, out var v) ? v : [];

    public int GetInt32(string name, int defaultValue, int minimum, int maximum = int.MaxValue)
    {
        if (GetString(name) is not { } text) return defaultValue;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            throw UsageException.ForOption("--" + name, $"'{text}' is not a whole number.");
        if (value < minimum)
            throw UsageException.ForOption("--" + name, $"{value} is too small; it must be {minimum} or more.");
        if (value > maximum)
            throw UsageException.ForOption("--" + name, $"{value} is too large; it must be {maximum} or less.");
        return (int)value;
    }

    public double GetDouble(string name, double defaultValue, double minimum, double maximum) =>
        Has(name) ? GetDoubles(name, minimum, maximum)[^1] : defaultValue;

    public IReadOnlyList<double> GetDoubles(string name, double minimum, double maximum)
    {
        var result = new List<double>();
        foreach (string text in GetList(name))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                throw UsageException.ForOption("--" + name, $"'{text}' is not a number.");
            if (value < minimum || value > maximum)
                throw UsageException.ForOption("--" + name,
                    $"{text} is out of range; it must be from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}.");
            result.Add(value);
        }
        return result;
    }

    /// <summary>A value from a fixed set of words, matched case-insensitively.</summary>
    public T GetChoice<T>(string name, T defaultValue, IReadOnlyDictionary<string, T> choices)
    {
        if (GetString(name) is not { } text) return defaultValue;
        if (choices.TryGetValue(text, out var value)) return value;
        throw UsageException.ForOption("--" + name, $"unknown value '{text}'; expected {DescribeChoices(choices.Keys)}.");
    }

    public static string DescribeChoices(IEnumerable<string> choices)
    {
        var list = choices.ToList();
        return list.Count <= 1 ? string.Join("", list) : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
    }
}
