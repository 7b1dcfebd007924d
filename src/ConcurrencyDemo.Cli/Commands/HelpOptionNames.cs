namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// The spellings of the help option: for the option itself (<see cref="CommandCatalog"/>) and for the start-up,
/// which must know before parsing whether help was asked for (<see cref="CliApplication"/>). Apart from
/// System.CommandLine, as <see cref="ProgramVersion"/> is.
/// </summary>
public static class HelpOptionNames
{
    public const string Name = "--help";

    public static IReadOnlyList<string> Aliases { get; } = ["-h", "-?"];

    /// <summary>Whether an argument asks for help, spelled exactly (options are matched with case).</summary>
    public static bool Match(string argument) => argument == Name || Aliases.Contains(argument);
}
