using System.CommandLine;
using ConcurrencyDemo.Cli.Arguments;
using ConcurrencyDemo.Engine.Workloads;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// <c>concurrency-demo sleep</c>: the tutorial's do_something(seconds), I/O-bound work that only waits,
/// run in each mode to show which modes let the waits overlap.
/// </summary>
public sealed class SleepCommand : Command
{
    private const int DefaultCount = 10;

    private static readonly Option<IReadOnlyList<double>> SecondsOption = new("--seconds")
    {
        HelpName = "S[,S...]",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = DecimalNumberParser.CreateList(minimum: 0, maximum: SleepWorkload.MaxSeconds),
        DefaultValueFactory = _ => [],
    };

    private static readonly Option<int> CountOption = new("--count")
    {
        HelpName = "N",
        Description = $"How many items, each sleeping {SecondsOption.Name} (default {DefaultCount}).",
        CustomParser = WholeNumberParser.Create(minimum: 0),
        DefaultValueFactory = _ => DefaultCount,
    };

    static SleepCommand()
    {
        // The two descriptions name each other, so this one is written once both options exist.
        SecondsOption.Description = $"How long each item sleeps (default 1); several values make one item per value, and {CountOption.Name} is not used.";
    }

    public SleepCommand() : base("sleep",
        "Run items that sleep (I/O-bound work) in one or more modes and time them.\n" +
        "\n" +
        $"Runs items that each sleep, in each {RunOptions.ModeOption.Name} one after another, and prints when each item ran,\n" +
        $"a summary per run and a comparison of the runs. Results go to stdout; {RunOptions.VerboseOption.Name} lines and\n" +
        "progress go to stderr. Ctrl+C stops the run (exit code 130).")
    {
        Options.Add(CountOption);
        Options.Add(SecondsOption);
        foreach (var option in RunOptions.Options) Options.Add(option);
        SetAction(Run);
    }

    private static int Run(ParseResult parseResult)
    {
        var seconds = parseResult.GetValue(SecondsOption) ?? [];
        // The module's Invoke-SleepDemo enforces the same rule (SleepSecondsInput); SleepWorkload.Create would
        // silently drop the count instead.
        if (seconds.Count > 1 && parseResult.GetResult(CountOption) is { Implicit: false })
            throw UsageException.ForOption(CountOption, $"cannot be used with several {SecondsOption.Name} values (they make one item each).");

        var workload = SleepWorkload.Create(parseResult.GetValue(CountOption), seconds);
        return WorkloadRunner.Run(workload, RunOptions.From(parseResult, RunOptions.FormatOption));
    }
}
