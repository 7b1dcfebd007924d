using ConcurrencyDemo.Cli.Arguments;
using ConcurrencyDemo.Engine.Workloads.Sleep;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// <c>concurrency-demo sleep</c>: the tutorial's do_something(seconds), I/O-bound work that only waits,
/// run in each mode to show which modes let the waits overlap.
/// </summary>
public sealed class SleepCommand : ICliCommand
{
    private const int DefaultCount = 10;

    private static readonly IReadOnlyList<OptionSpec> Specs =
    [
        OptionSpec.Value("count", "N", $"How many items, each sleeping --seconds (default {DefaultCount})."),
        OptionSpec.List("seconds", "S[,S...]", "How long each item sleeps (default 1); several values make one item per value, and --count is not used."),
        .. RunOptions.Specs,
    ];

    public string Name => "sleep";

    public string Summary => "Run items that sleep (I/O-bound work) in one or more modes and time them.";

    public int Run(IReadOnlyList<string> arguments)
    {
        if (CommandLineParser.IsHelpRequested(arguments))
        {
            HelpText.WriteCommandHelp(Console.Out, Name,
                "Runs items that each sleep, in each --mode one after another, and prints when each item ran,\n" +
                "a summary per run and a comparison of the runs. Results go to stdout; --verbose lines and\n" +
                "progress go to stderr. Ctrl+C stops the run (exit code 130).",
                Specs);
            return ExitCodes.Success;
        }

        var options = CommandLineParser.Parse(arguments, Specs);
        var seconds = options.GetDoubles("seconds", minimum: 0, maximum: SleepWorkload.MaxSeconds);
        if (seconds.Count > 1 && options.Has("count"))
            throw UsageException.ForOption("--count", "cannot be used with several --seconds values (they make one item each).");
        int count = options.GetInt32("count", DefaultCount, minimum: 0);
        var runOptions = RunOptions.From(options);

        var workload = SleepWorkload.Create(count, seconds);
        return WorkloadRunner.Run(workload, runOptions);
    }
}
