using System.CommandLine;
using System.CommandLine.Parsing;

namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// What a bad command line is told, in one line. System.CommandLine may find several problems; the first is
/// the one to fix first, and its messages name the option ("Option '--out' is required."). Two mistakes it
/// does not see as such, or words vaguely, come first: an unknown option taken as a file name, and a value
/// given to a flag.
/// </summary>
internal static class ParseErrorMessage
{
    /// <returns>Null when the command line can run, or shows help (which clears the errors beside it).</returns>
    public static string? Find(ParseResult parseResult, IReadOnlyList<string> args)
    {
        if (parseResult.Action is { ClearsParseErrors: true }) return null;
        if (DashedArguments.FirstBeforeDoubleDash(parseResult) is { } unknown)
            return $"unknown option '{unknown}'; put -- before a file name that starts with -.";
        return ValueGivenToFlag(parseResult, args)
            ?? (parseResult.Errors.Count > 0 ? parseResult.Errors[0].Message : null);
    }

    /// <summary>
    /// "--ordered=yes", or "--ordered yes" where nothing takes the "yes": System.CommandLine splits the word,
    /// lets a flag take only true or false, and then leaves the "yes" over (or takes it as a file name), while
    /// the flag is what needs fixing.
    /// </summary>
    private static string? ValueGivenToFlag(ParseResult parseResult, IReadOnlyList<string> args)
    {
        var tokens = parseResult.Tokens;
        for (int i = 1; i < tokens.Count; i++)
        {
            var (flagToken, value) = (tokens[i - 1], tokens[i]);
            if (flagToken.Type != TokenType.Option || value.Type != TokenType.Argument) continue;
            var flag = parseResult.CommandResult.Children.OfType<OptionResult>().FirstOrDefault(r => r.IdentifierToken == flagToken);
            if (flag is null || flag.Option.ValueType != typeof(bool) || flag.Tokens.Contains(value)) continue;
            bool leftOver = parseResult.UnmatchedTokens.Contains(value.Value);
            bool attached = args.Contains($"{flagToken.Value}={value.Value}") || args.Contains($"{flagToken.Value}:{value.Value}");
            if (leftOver || attached)
                return $"{flag.Option.Name}: takes no value (got '{value.Value}').";
        }
        return null;
    }
}
