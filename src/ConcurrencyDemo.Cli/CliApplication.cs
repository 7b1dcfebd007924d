using System.Reflection;
using ConcurrencyDemo.Cli.Arguments;
using ConcurrencyDemo.Cli.Commands;

namespace ConcurrencyDemo.Cli;

/// <summary>
/// Picks the command and turns failures into one line on stderr and an exit code: a person at a
/// shell needs what went wrong, not a stack trace.
/// </summary>
public static class CliApplication
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "-?" or "help")
        {
            HelpText.WriteProgramHelp(args.Length == 0 ? Console.Error : Console.Out, CommandCatalog.All);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }
        if (args[0] == "--version")
        {
            Console.Out.WriteLine($"{HelpText.ProgramName} {Version} (.NET {Environment.Version})");
            return ExitCodes.Success;
        }

        var command = CommandCatalog.Find(args[0]);
        if (command is null)
        {
            Console.Error.WriteLine($"{HelpText.ProgramName}: unknown command '{args[0]}' (see {HelpText.ProgramName} --help).");
            return ExitCodes.Usage;
        }

        try
        {
            return command.Run(args[1..]);
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"{HelpText.ProgramName} {command.Name}: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (CannotRunException ex)
        {
            Console.Error.WriteLine($"{HelpText.ProgramName} {command.Name}: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"{HelpText.ProgramName} {command.Name}: error: {ex.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The package version, without the "+commit" the SDK appends to the informational version.</summary>
    private static string Version
    {
        get
        {
            string version = typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            int plus = version.IndexOf('+');
            return plus < 0 ? version : version[..plus];
        }
    }
}
