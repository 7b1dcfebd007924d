using System.CommandLine.Parsing;
using System.Globalization;

namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// Reads a number of bytes: a whole number, or one with a binary suffix as people type sizes (512K, 10M, 2G;
/// KB, MB and GB too, each 1024 times the last), so that a bad one is a usage error naming its option.
/// </summary>
internal static class ByteCountParser
{
    private static readonly (string Suffix, long Factor)[] Suffixes =
    [
        ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30), ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30), ("B", 1),
    ];

    public static Func<ArgumentResult, long> Create(long minimum = 1) => result =>
    {
        if (result.Tokens.Count == 0) return default;
        string text = result.Tokens[^1].Value.Trim();
        long factor = 1;
        string number = text;
        foreach (var (suffix, size) in Suffixes)
        {
            if (!text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
            factor = size;
            number = text[..^suffix.Length].TrimEnd();
            break;
        }
        if (!long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            result.AddOptionError($"'{text}' is not a number of bytes (such as 1048576, 512K, 10M or 2G).");
        else if (value > long.MaxValue / factor)
            result.AddOptionError($"'{text}' is too large.");
        else if (value * factor < minimum)
            result.AddOptionError($"{text} is too small; it must be {minimum} byte(s) or more.");
        else
            return value * factor;
        return default;
    };
}
