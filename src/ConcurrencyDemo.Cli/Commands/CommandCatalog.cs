using System.CommandLine;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// Every verb the CLI knows, in the order the help lists them, under the root command that carries --help
/// and --version. A new command (download, bench) is one new Command file plus one line here.
/// </summary>
public static class CommandCatalog
{
    public const string ProgramName = "concurrency-demo";

    // The commands a person runs, by name, in the order the help lists them.
    private static readonly (string Name, Func<Command> Create)[] RunCommands =
    [
        (SleepCommand.CommandName, () => new SleepCommand()),
        (ConvertCommand.CommandName, () => new ConvertCommand()),
        (DownloadCommand.CommandName, () => new DownloadCommand()),
        (ServeCommand.CommandName, () => new ServeCommand()),
        // ("bench", ...),     planned: run a workload in every mode and print only the comparison
    ];

    /// <summary>The whole tree: every command, for the program's help and for a command line that names none.</summary>
    public static Command CreateRootCommand() => CreateRootCommand(only: null);

    /// <summary>
    /// The tree a command line needs: when it starts with a command's name (any case), the root holds that command
    /// alone. Every command's options are objects built and JIT-compiled at start-up; building all four cost the
    /// start-up of every run 4-6 ms, and a run of one command never sees the others.
    /// </summary>
    public static Command CreateRootCommandFor(IReadOnlyList<string> args)
    {
        if (args.Count > 0)
            foreach (var (name, create) in RunCommands)
                if (name.Equals(args[0], StringComparison.OrdinalIgnoreCase))
                    return CreateRootCommand(create);
        return CreateRootCommand(only: null);
    }

    private static Command CreateRootCommand(Func<Command>? only)
    {
        var root = new Command(ProgramName,
            "See how Sequential, Thread, Pool, Process and Async execution change the time of a batch of work.");
        if (only is not null)
        {
            root.Subcommands.Add(only());
        }
        else
        {
            foreach (var (_, create) in RunCommands) root.Subcommands.Add(create());
            root.Subcommands.Add(CreateWorkerListing());
            root.Subcommands.Add(CreateHelpWord(root));
        }
        // Plain options rather than System.CommandLine's HelpOption and VersionOption, whose constructors look
        // up their localized descriptions: that first resource lookup alone measured 8 ms of every start-up.
        // Not HelpOption's "/h" and "/?" either: those are paths on Unix, and convert takes paths.
        root.Options.Add(new Option<bool>(HelpOptionNames.Name, [.. HelpOptionNames.Aliases])
        {
            Description = "Show this help.",
            Recursive = true,
            Arity = ArgumentArity.Zero,
            Action = new ShowHelpAction(),
        });
        root.Options.Add(new Option<bool>(ProgramVersion.OptionName)
        {
            Description = "Show the version.",
            Arity = ArgumentArity.Zero,
            Action = new ShowVersionAction(),
        });
        // No command at all: most likely someone finding out what this is, but still not a command that ran.
        root.SetAction(parseResult =>
        {
            HelpText.Write(parseResult.InvocationConfiguration.Error, root);
            return ExitCodes.Usage;
        });
        return root;
    }

    /// <summary>Lists the worker in the help; <see cref="CliApplication"/> runs it before this tree exists.</summary>
    private static Command CreateWorkerListing()
    {
        var worker = new Command(WorkerLoopCommand.Name, WorkerLoopCommand.Summary);
        worker.SetAction(_ => WorkerLoopCommand.Run());
        return worker;
    }

    /// <summary>"concurrency-demo help": the program's help, whatever follows, as the CLI always took it.</summary>
    private static Command CreateHelpWord(Command root)
    {
        var help = new Command("help") { Hidden = true, TreatUnmatchedTokensAsErrors = false };
        help.SetAction(parseResult =>
        {
            HelpText.Write(parseResult.InvocationConfiguration.Output, root);
            return ExitCodes.Success;
        });
        return help;
    }
}
