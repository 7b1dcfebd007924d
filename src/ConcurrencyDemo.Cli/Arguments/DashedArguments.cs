using System.CommandLine;
using System.CommandLine.Parsing;

namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// Words that look like options but were taken as a command's arguments (file names) because no option has
/// that name: System.CommandLine reads "-o" or "--ouput" as a file, while a typo is far likelier than a photo
/// named so. After "--" every word is a file name, so "-x.jpg" can still be named.
/// </summary>
internal static class DashedArguments
{
    public static string? FirstBeforeDoubleDash(ParseResult parseResult)
    {
        var argumentTokens = parseResult.CommandResult.Command.Arguments
            .SelectMany(a => parseResult.GetResult(a)?.Tokens ?? [])
            .ToList();
        foreach (var token in parseResult.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) return null;
            // "-" alone is a file name (standard input, by convention), not an option.
            if (token.Value.Length > 1 && token.Value[0] == '-' && argumentTokens.Any(t => ReferenceEquals(t, token)))
                return token.Value;
        }
        return null;
    }
}
