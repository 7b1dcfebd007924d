using System.CommandLine;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// The help screens, written from the command tree itself so that help and parser cannot disagree. Our own
/// layout rather than System.CommandLine's: its list of commands shows each one's whole description, where
/// ours shows the first line (the summary) and keeps the rest for the command's own help.
/// </summary>
public static class HelpText
{
    public static void Write(TextWriter output, Command command)
    {
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        output.WriteLine($"Usage: {CommandPath.Of(command)} {Synopsis(command)}");
        output.WriteLine();
        output.WriteLine(command.Description);
        if (subcommands.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Commands:");
            WriteColumns(output, subcommands.Select(c => (c.Name, Summary(c))).ToList());
        }
        output.WriteLine();
        output.WriteLine("Options:");
        WriteColumns(output, OptionsOf(command).Select(o => (NameAndValue(o), o.Description ?? "")).ToList());
        if (subcommands.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"'{CommandPath.Of(command)} <command> --help' shows a command's options.");
        }
    }

    /// <summary>A command's first line; the lines after it are for its own help.</summary>
    public static string Summary(Command command) =>
        (command.Description ?? "").Split('\n', 2)[0];

    /// <summary>"&lt;command&gt; [options]", or "&lt;file&gt;... --out DIR [options]": what follows the command's name.</summary>
    private static string Synopsis(Command command)
    {
        var parts = new List<string>();
        if (command.Subcommands.Any(c => !c.Hidden)) parts.Add("<command>");
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
            parts.Add($"<{argument.HelpName ?? argument.Name}>" + (argument.Arity.MaximumNumberOfValues > 1 ? "..." : ""));
        var options = OptionsOf(command);
        parts.AddRange(options.Where(o => o.Required).Select(NameAndValue));
        if (options.Any(o => !o.Required)) parts.Add("[options]");
        return string.Join(' ', parts);
    }

    /// <summary>The command's own options, then those it inherits (--help), as the parser accepts them.</summary>
    private static List<Option> OptionsOf(Command command)
    {
        var options = command.Options.Where(o => !o.Hidden).ToList();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            options.AddRange(parent.Options.Where(o => o.Recursive && !o.Hidden));
        return options;
    }

    /// <summary>"--count N"; a flag (no value, or an optional true/false) is just its name.</summary>
    private static string NameAndValue(Option option) =>
        option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool)
            ? option.Name
            : $"{option.Name} {option.HelpName ?? "VALUE"}";

    private static void WriteColumns(TextWriter output, IReadOnlyList<(string Left, string Right)> rows)
    {
        int width = rows.Max(r => r.Left.Length) + 2;
        foreach (var (left, right) in rows)
            output.WriteLine($"  {left.PadRight(width)}{right}");
    }
}
