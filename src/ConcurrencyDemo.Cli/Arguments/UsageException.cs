namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// The command line is wrong: reported as one line on stderr with exit code 2, never with a stack trace,
/// because the person typing needs the option and the problem, not our internals.
/// </summary>
public sealed class UsageException(string message) : Exception(message)
{
    public static UsageException ForOption(string option, string problem) => new($"{option}: {problem}");
}
