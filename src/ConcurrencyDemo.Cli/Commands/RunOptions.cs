using ConcurrencyDemo.Cli.Arguments;
using ConcurrencyDemo.Cli.Output;
using ConcurrencyDemo.Engine;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// The options every workload command shares (which modes, how many at once, ordering, output), so that
/// sleep and the commands to come (convert, download, bench) read them the same way.
/// </summary>
public sealed record RunOptions
{
    /// <summary>
    /// Sequential then Thread: the tutorial's first lesson (ten one-second sleeps take ten seconds, then one)
    /// in about eleven seconds. --mode all shows every mode but takes about twice as long.
    /// </summary>
    public static IReadOnlyList<ExecutionMode> DefaultModes { get; } = [ExecutionMode.Sequential, ExecutionMode.Thread];

    /// <summary>How the batch runs: the options a command offers once it can run in more than one mode.</summary>
    public static IReadOnlyList<OptionSpec> ModeSpecs { get; } =
    [
        OptionSpec.List("mode", "M[,M...]",
            "sequential, thread, pool, process, async or all (any case); each runs on its own, in the order given. Default: sequential,thread."),
        OptionSpec.Value("throttle-limit", "N", "The most items at once; 0 (default) means each mode's own default."),
        OptionSpec.Flag("ordered", "Report items in input order (like Executor.map) instead of as they finish."),
    ];

    /// <summary>The result-format option's name where a command has no other use for --format.</summary>
    public const string DefaultResultFormatOption = "format";

    public static OptionSpec ResultFormatSpec(string name) =>
        OptionSpec.Value(name, "FORMAT", "table (default), csv or json (one JSON object per line).");

    public static OptionSpec VerboseSpec { get; } =
        OptionSpec.Flag("verbose", "Write what items say and worker-process start-ups to stderr.");

    /// <summary>Every shared option, as sleep offers them.</summary>
    public static IReadOnlyList<OptionSpec> Specs { get; } =
        [.. ModeSpecs, ResultFormatSpec(DefaultResultFormatOption), VerboseSpec];

    private static readonly Dictionary<string, OutputFormat> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["table"] = OutputFormat.Table,
        ["csv"] = OutputFormat.Csv,
        ["json"] = OutputFormat.Json,
    };

    public required IReadOnlyList<ExecutionMode> Modes { get; init; }
    public int ThrottleLimit { get; init; }
    public bool Ordered { get; init; }
    public OutputFormat Format { get; init; }
    public bool Verbose { get; init; }

    /// <param name="defaultModes">The modes when --mode is absent, or when the command does not offer it yet.</param>
    /// <param name="resultFormatOption">The name of the option that picks table, csv or json.</param>
    public static RunOptions From(ParsedOptions options, IReadOnlyList<ExecutionMode>? defaultModes = null,
        string resultFormatOption = DefaultResultFormatOption) => new()
    {
        Modes = ReadModes(options.GetList("mode"), defaultModes ?? DefaultModes),
        ThrottleLimit = options.GetInt32("throttle-limit", defaultValue: 0, minimum: 0),
        Ordered = options.Has("ordered"),
        Format = options.GetChoice(resultFormatOption, OutputFormat.Table, Formats),
        Verbose = options.Has("verbose"),
    };

    private static IReadOnlyList<ExecutionMode> ReadModes(IReadOnlyList<string> names, IReadOnlyList<ExecutionMode> defaultModes)
    {
        if (names.Count == 0) return defaultModes;
        var modes = new List<ExecutionMode>();
        foreach (string name in names)
        {
            if (name.Equals("all", StringComparison.OrdinalIgnoreCase))
                modes.AddRange(Enum.GetValues<ExecutionMode>());
            // Enum.TryParse alone would also take numbers ("--mode 7"), which are no mode.
            else if (!char.IsDigit(name[0]) && !name.StartsWith('-') && Enum.TryParse<ExecutionMode>(name, ignoreCase: true, out var mode) && Enum.IsDefined(mode))
                modes.Add(mode);
            else
                throw UsageException.ForOption("--mode",
                    $"unknown mode '{name}'; expected {ParsedOptions.DescribeChoices(Enum.GetNames<ExecutionMode>().Select(n => n.ToLowerInvariant()).Append("all"))}.");
        }
        return modes;
    }
}
