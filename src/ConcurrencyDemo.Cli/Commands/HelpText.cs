using ConcurrencyDemo.Cli.Arguments;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>The help screens, built from the option specs so that help and parser cannot disagree.</summary>
public static class HelpText
{
    public const string ProgramName = "concurrency-demo";

    /// <param name="synopsis">What follows the command on the usage line, such as "&lt;file&gt;... --out &lt;dir&gt; [options]".</param>
    public static void WriteCommandHelp(TextWriter output, string command, string description, IReadOnlyList<OptionSpec> options,
        string synopsis = "[options]")
    {
        output.WriteLine($"Usage: {ProgramName} {command} {synopsis}");
        output.WriteLine();
        output.WriteLine(description);
        output.WriteLine();
        output.WriteLine("Options:");
        var left = options.Select(o => o.IsFlag ? o.LongName : $"{o.LongName} {o.ValueName}").ToList();
        left.Add("--help");
        int width = left.Max(l => l.Length) + 2;
        for (int i = 0; i < options.Count; i++)
            output.WriteLine($"  {left[i].PadRight(width)}{options[i].Description}");
        output.WriteLine($"  {"--help".PadRight(width)}Show this help.");
    }

    public static void WriteProgramHelp(TextWriter output, IReadOnlyList<ICliCommand> commands)
    {
        output.WriteLine($"Usage: {ProgramName} <command> [options]");
        output.WriteLine();
        output.WriteLine("See how Sequential, Thread, Pool, Process and Async execution change the time of a batch of work.");
        output.WriteLine();
        output.WriteLine("Commands:");
        int width = commands.Max(c => c.Name.Length) + 2;
        foreach (var command in commands)
            output.WriteLine($"  {command.Name.PadRight(width)}{command.Summary}");
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --help     Show this help; '<command> --help' shows a command's options.");
        output.WriteLine("  --version  Show the version.");
    }
}
