using System.CommandLine.Parsing;

namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// A bad value is reported as "--count: problem": the one line on stderr is all a person sees, so it names the
/// option, taken from the parse result rather than typed again.
/// </summary>
internal static class OptionValueError
{
    public static void AddOptionError(this ArgumentResult result, string problem) =>
        result.AddError($"{NameOf(result)}: {problem}");

    private static string NameOf(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
