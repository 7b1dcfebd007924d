using System.CommandLine;

namespace ConcurrencyDemo.Cli.Tests;

/// <summary>The CLI's command line, parsed in this process as the CLI parses it: what each option reads, without running anything.</summary>
internal static class CommandLine
{
    public static ParseResult Parse(params string[] arguments) => CliApplication.Parse(arguments);

    /// <summary>Parses a command line that must be right, so that a test reading its values reads real ones.</summary>
    public static ParseResult ParseValid(params string[] arguments)
    {
        var result = Parse(arguments);
        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors.Select(e => e.Message)));
        return result;
    }

    public static string SingleError(params string[] arguments) =>
        Assert.Single(Parse(arguments).Errors).Message;
}
