using System.CommandLine.Parsing;
using System.Globalization;

namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>Reads a whole number within bounds, so that a bad one is a usage error naming its option.</summary>
internal static class WholeNumberParser
{
    public static Func<ArgumentResult, int> Create(int minimum = int.MinValue, int maximum = int.MaxValue) => result =>
    {
        if (result.Tokens.Count == 0) return default;
        string text = result.Tokens[^1].Value;
        // Read as long so that 99999999999 is "too large", not "not a whole number".
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            result.AddOptionError($"'{text}' is not a whole number.");
        else if (value < minimum)
            result.AddOptionError($"{value} is too small; it must be {minimum} or more.");
        else if (value > maximum)
            result.AddOptionError($"{value} is too large; it must be {maximum} or less.");
        else
            return (int)value;
        return default;
    };
}
