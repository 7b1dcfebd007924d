using System.CommandLine;

namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// The command line is wrong in a way only seen after parsing (two options that cannot go together, two
/// inputs that would write the same output): reported like a parse error, as one line on stderr with exit
/// code 2 and never a stack trace, because the person typing needs the option and the problem, not our internals.
/// </summary>
public sealed class UsageException(string message) : Exception(message)
{
    public static UsageException ForOption(Option option, string problem) => new($"{option.Name}: {problem}");
}
