using System.CommandLine.Parsing;
using System.Globalization;

namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// Reads numbers such as 0.5 within bounds, in the invariant culture: "0,5" must not mean one thing on one
/// machine and a list of two on another.
/// </summary>
internal static class DecimalNumberParser
{
    public static Func<ArgumentResult, double> Create(double minimum = double.MinValue, double maximum = double.MaxValue) => result =>
        result.Tokens.Count > 0 && TryRead(result, result.Tokens[^1].Value, minimum, maximum, out double value) ? value : default;

    /// <summary>For a list option (see <see cref="CommaSeparatedValues"/>).</summary>
    public static Func<ArgumentResult, IReadOnlyList<double>> CreateList(double minimum = double.MinValue, double maximum = double.MaxValue) => result =>
    {
        var numbers = new List<double>();
        foreach (string text in CommaSeparatedValues.Split(result) ?? [])
        {
            if (!TryRead(result, text, minimum, maximum, out double value)) return [];
            numbers.Add(value);
        }
        return numbers;
    };

    private static bool TryRead(ArgumentResult result, string text, double minimum, double maximum, out double value)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            result.AddOptionError($"'{text}' is not a number.");
            return false;
        }
        if (value < minimum || value > maximum)
        {
            result.AddOptionError($"{text} is out of range; it must be from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}.");
            return false;
        }
        return true;
    }
}
