using System.CommandLine.Parsing;

namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// The values of a list option: it may be given several times, and each value may hold several items
/// separated by commas (<c>--mode sequential,thread --mode pool</c>), all adding up in the order given.
/// </summary>
internal static class CommaSeparatedValues
{
    /// <returns>The items, or null once an error has been added to <paramref name="result"/>.</returns>
    public static IReadOnlyList<string>? Split(ArgumentResult result)
    {
        var items = new List<string>();
        foreach (var token in result.Tokens)
        {
            var parts = token.Value.Split(',', StringSplitOptions.TrimEntries);
            // "thread,,pool" is more likely a slip than a wish for two modes; skipping the gap would hide it.
            if (parts.Any(p => p.Length == 0))
            {
                result.AddOptionError($"'{token.Value}' has an empty item in its list.");
                return null;
            }
            items.AddRange(parts);
        }
        return items;
    }
}
