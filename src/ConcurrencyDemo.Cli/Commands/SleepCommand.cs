using System.CommandLine;
using ConcurrencyDemo.Cli.Arguments;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Workloads.Sleep;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// <c>concurrency-demo sleep</c>: the tutorial's do_something(seconds), I/O-bound work that only waits,
/// run in each mode to show which modes let the waits overlap.
/// </summary>
public sealed class SleepCommand : Command
{
    private static readonly Option<IReadOnlyList<double>> SecondsOption = new("--seconds")
    {
        HelpName = "S[,S...]",
        Arity = ArgumentArity.OneOrMore,
        // The range, like the rule between --count and --seconds, is the workload's to check (SleepWorkload.FromInput).
        CustomParser = DecimalNumberParser.CreateList(),
        DefaultValueFactory = _ => [],
    };

    private static readonly Option<int> CountOption = new("--count")
    {
        HelpName = "N",
        Description = $"How many items, each sleeping {SecondsOption.Name} (default {SleepWorkload.DefaultCount}).",
        CustomParser = WholeNumberParser.Create(),
        DefaultValueFactory = _ => SleepWorkload.DefaultCount,
    };

    private static readonly Option<int> StepsOption = new("--steps")
    {
        HelpName = "N",
        Description = "Sleep each item in N equal steps, each a --verbose line (default 1: one sleep, no step lines).",
        // The range is the workload's to check, as for --count and --seconds.
        CustomParser = WholeNumberParser.Create(),
        DefaultValueFactory = _ => 1,
    };

    static SleepCommand()
    {
        // The two descriptions name each other, so this one is written once both options exist.
        SecondsOption.Description = $"How long each item sleeps (default 1); several values make one item per value, and {CountOption.Name} is not used.";
    }

    public const string CommandName = "sleep";

    public SleepCommand() : base(CommandName,
        "Run items that sleep (I/O-bound work) in one or more modes and time them.\n" +
        "\n" +
        $"Runs items that each sleep, in each {RunOptions.ModeOption.Name} one after another, and prints when each item ran,\n" +
        $"a summary per run and a comparison of the runs. Results go to stdout; {RunOptions.VerboseOption.Name} lines and\n" +
        "progress go to stderr. Ctrl+C stops the run (exit code 130).")
    {
        Options.Add(CountOption);
        Options.Add(SecondsOption);
        Options.Add(StepsOption);
        foreach (var option in RunOptions.Options) Options.Add(option);
        SetAction(Run);
    }

    private static int Run(ParseResult parseResult)
    {
        var seconds = parseResult.GetValue(SecondsOption) ?? [];
        int? count = parseResult.GetResult(CountOption) is { Implicit: false } ? parseResult.GetValue(CountOption) : null;
        SleepWorkload workload;
        try
        {
            workload = SleepWorkload.FromInput(count, seconds, steps: parseResult.GetValue(StepsOption));
        }
        catch (InvalidSettingException ex)
        {
            // The workload's one rule for every front end; here its setting is spelled as this command's option.
            Option option = ex.Setting switch
            {
                SleepWorkload.CountSetting => CountOption,
                SleepWorkload.StepsSetting => StepsOption,
                _ => SecondsOption,
            };
            throw UsageException.ForOption(option, ex.Message);
        }
        return WorkloadRunner.Run(workload, RunOptions.From(parseResult, RunOptions.FormatOption));
    }
}
