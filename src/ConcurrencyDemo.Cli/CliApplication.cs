using System.CommandLine;
using System.Runtime.CompilerServices;
using ConcurrencyDemo.Cli.Arguments;
using ConcurrencyDemo.Cli.Commands;
using ConcurrencyDemo.Engine.Workloads.Download;

namespace ConcurrencyDemo.Cli;

/// <summary>
/// Parses the command line with System.CommandLine, runs the command, and turns every failure into one line
/// on stderr and an exit code: a person at a shell needs what went wrong, not a stack trace.
/// </summary>
public static class CliApplication
{
    public static int Run(string[] args)
    {
        // Every Process run waits for its workers to start, so a worker skips building and parsing the
        // command tree, and never loads System.CommandLine at all.
        if (args is [WorkerLoopCommand.Name, ..]) return WorkerLoopCommand.Run();
        // Likewise a lone --version, asked for to see that the program starts: building the tree and JIT-compiling
        // System.CommandLine's parser measured 25 ms of CPU, nearly doubling the answer's.
        if (args is [ProgramVersion.OptionName])
        {
            Console.Out.WriteLine(ProgramVersion.Text);
            return ExitCodes.Success;
        }
        if (args is [{ } command, ..] && command.Equals(DownloadCommand.CommandName, StringComparison.OrdinalIgnoreCase))
            WarmUpDownloads(args);
        return ParseAndRun(args);
    }

    /// <summary>
    /// A download's first requests would compile the HTTP client inside the batch; compiled while the command line
    /// is parsed, on another core, they came 25 ms sooner and the whole command ended 30 ms sooner. On one core it
    /// would only take turns with the parsing.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WarmUpDownloads(string[] args)
    {
        if (Environment.ProcessorCount > 1 && !args.Any(HelpOptionNames.Match))
            DownloadWarmUp.Start();
    }

    /// <summary>The command line as the CLI reads it; nothing runs.</summary>
    public static ParseResult Parse(string[] args)
    {
        var root = CommandCatalog.CreateRootCommandFor(args);
        return root.Parse(WithCommandNameAsDeclared(args, root), new ParserConfiguration
        {
            // "@photos.txt" is a file to convert, not a file of more arguments.
            ResponseFileTokenReplacer = null,
        });
    }

    // Not inlined into Run, so that compiling Run for a worker loads none of System.CommandLine's types.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ParseAndRun(string[] args)
    {
        var parseResult = Parse(args);
        string commandPath = CommandPath.Of(parseResult.CommandResult.Command);
        if (ParseErrorMessage.Find(parseResult, args) is { } problem)
        {
            Console.Error.WriteLine($"{commandPath}: {problem}");
            return ExitCodes.Usage;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration
            {
                // Failures are ours to word (below), not a stack trace.
                EnableDefaultExceptionHandler = false,
                // Signals are ours too (Signals/StopSignals, exit codes 130 and 143): System.CommandLine's
                // handler would end the process after a timeout with its own code. It only watches
                // asynchronous actions, and ours are synchronous, but this keeps it out for good.
                ProcessTerminationTimeout = null,
            });
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"{commandPath}: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (CannotRunException ex)
        {
            Console.Error.WriteLine($"{commandPath}: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"{commandPath}: error: {ex.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// "Sleep" as "sleep": the CLI always matched its commands ignoring case, and System.CommandLine matches
    /// them exactly. Options were always matched exactly.
    /// </summary>
    private static string[] WithCommandNameAsDeclared(string[] args, Command root)
    {
        if (args.Length == 0) return args;
        var command = root.Subcommands.FirstOrDefault(c => c.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase));
        return command is null || command.Name == args[0] ? args : [command.Name, .. args[1..]];
    }
}
