namespace ConcurrencyDemo.Cli;

/// <summary>
/// The command line is well formed but names something that cannot be used (an input file that is not
/// there, an output folder that is a file): one line on stderr, exit code 1, and nothing ran.
/// </summary>
public sealed class CannotRunException(string message) : Exception(message);
