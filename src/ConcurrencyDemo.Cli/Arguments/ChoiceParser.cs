using System.CommandLine.Parsing;

namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// Reads one word from a fixed set, ignoring case. Not System.CommandLine's own enum reading, which also
/// takes numbers ("--format 1") and lists the choices over several lines.
/// </summary>
internal static class ChoiceParser
{
    /// <param name="choices">Every accepted word and its value, in the order an error lists them.</param>
    public static Func<ArgumentResult, T> Create<T>(IReadOnlyDictionary<string, T> choices) => result =>
    {
        if (result.Tokens.Count == 0) return default!;
        string text = result.Tokens[^1].Value;
        foreach (var (word, value) in choices)
        {
            if (word.Equals(text, StringComparison.OrdinalIgnoreCase)) return value;
        }
        result.AddOptionError($"unknown value '{text}'; expected {DescribeChoices(choices.Keys)}.");
        return default!;
    };

    /// <summary>"a, b or c".</summary>
    public static string DescribeChoices(IEnumerable<string> choices)
    {
        var list = choices.ToList();
        return list.Count <= 1 ? string.Join("", list) : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
    }
}
