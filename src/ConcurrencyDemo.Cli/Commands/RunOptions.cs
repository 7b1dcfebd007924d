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

    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        OptionSpec.List("mode", "M[,M...]",
            "sequential, thread, pool, process, async or all (any case); each runs on its own, in the order given. Default: sequential,thread."),
        OptionSpec.Value("throttle-limit", "N", "The most items at once; 0 (default) means each mode's own default."),
        OptionSpec.Flag("ordered", "Report items in input order (like Executor.map) instead of as they finish."),
        OptionSpec.Value("format", "FORMAT", "table (default), csv or json (one JSON object per line)."),
        OptionSpec.Flag("verbose", "Write what items say and worker-process start-ups to stderr."),
    ];

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

    public static RunOptions From(ParsedOptions options) => new()
    {
        Modes = ReadModes(options.GetList("mode")),
        ThrottleLimit = options.GetInt32("throttle-limit", defaultValue: 0, minimum: 0),
        Ordered = options.Has("ordered"),
        Format = options.GetChoice("format", OutputFormat.Table, Formats),
        Verbose = options.Has("verbose"),
    };

    private static IReadOnlyList<ExecutionMode> ReadModes(IReadOnlyList<string> names)
    {
        if (names.Count == 0) return DefaultModes;
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
