using System.CommandLine;
using ConcurrencyDemo.Cli.Arguments;
using ConcurrencyDemo.Cli.Output;
using ConcurrencyDemo.Engine;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// The options every workload command shares (which modes, how many at once, ordering, output, timelines), declared
/// once and added to each command that offers them, so that sleep and the commands to come (download,
/// bench) read them the same way.
/// </summary>
public sealed record RunOptions
{
    /// <summary>
    /// Sequential then Thread: the tutorial's first lesson (ten one-second sleeps take ten seconds, then one)
    /// in about eleven seconds. --mode all shows every mode but takes about twice as long.
    /// </summary>
    public static IReadOnlyList<ExecutionMode> DefaultModes { get; } = [ExecutionMode.Sequential, ExecutionMode.Thread];

    public static Option<IReadOnlyList<ExecutionMode>> ModeOption { get; } = new("--mode")
    {
        HelpName = "M[,M...]",
        Description = "sequential, thread, pool, process, async or all (any case); each runs on its own, in the order given. Default: sequential,thread for sleep; sequential for convert and download.",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = ModeListParser.Parse,
        DefaultValueFactory = _ => DefaultModes,
    };

    public static Option<int> ThrottleLimitOption { get; } = new("--throttle-limit")
    {
        HelpName = "N",
        Description = "The most items at once; 0 (default) means each mode's own default.",
        CustomParser = WholeNumberParser.Create(minimum: 0),
        DefaultValueFactory = _ => 0,
    };

    public static Option<bool> OrderedOption { get; } = new("--ordered")
    {
        Description = "Report items in input order (like Executor.map) instead of as they finish.",
    };

    /// <summary>How the batch runs: the options a command offers once it can run in more than one mode.</summary>
    public static IReadOnlyList<Option> ModeOptions { get; } = [ModeOption, ThrottleLimitOption, OrderedOption];

    // Above the options made from it: static initializers run in the order written.
    private static readonly Dictionary<string, OutputFormat> ResultFormats = new()
    {
        ["table"] = OutputFormat.Table,
        ["csv"] = OutputFormat.Csv,
        ["json"] = OutputFormat.Json,
    };

    /// <summary>Where a command has no other use for --format, it picks table, csv or json.</summary>
    public static Option<OutputFormat> FormatOption { get; } =
        CreateResultFormatOption("--format", "table (default), csv or json (one JSON object per line).");

    public static Option<bool> VerboseOption { get; } = new("--verbose")
    {
        Description = "Write what items say and worker-process start-ups to stderr.",
    };

    public static Option<bool> TimelineOption { get; } = new("--timeline")
    {
        Description = "After the results, draw each run as a timeline: a row per lane, time across the terminal (on stderr with csv or json).",
    };

    public static Option<string> TraceOption { get; } = new("--trace")
    {
        HelpName = "FILE",
        CustomParser = NonEmptyNameParser.Create("a file name"),
        Description = "Write every run as Chrome Trace Event JSON, for Perfetto UI or chrome://tracing.",
    };

    public static Option<string> SvgOption { get; } = new("--svg")
    {
        HelpName = "FILE",
        CustomParser = NonEmptyNameParser.Create("a file name"),
        Description = "Write every run as an SVG picture on one time axis.",
    };

    public static Option<string> HtmlOption { get; } = new("--html")
    {
        HelpName = "FILE",
        CustomParser = NonEmptyNameParser.Create("a file name"),
        Description = "Write a web page with the SVG and the runs compared (speed-up, concurrency, worker start-up).",
    };

    /// <summary>What to draw once the runs are over: every workload command offers them.</summary>
    public static IReadOnlyList<Option> TimelineOptions { get; } = [TimelineOption, TraceOption, SvgOption, HtmlOption];

    /// <summary>How a command's results come out: its table/csv/json option, --verbose and the timelines, in that order.</summary>
    public static IReadOnlyList<Option> OutputOptions(Option<OutputFormat> resultFormat) => [resultFormat, VerboseOption, .. TimelineOptions];

    /// <summary>Every shared option, as sleep offers them.</summary>
    public static IReadOnlyList<Option> Options { get; } = [.. ModeOptions, .. OutputOptions(FormatOption)];

    /// <summary>The option that picks table, csv or json, for a command whose --format means something else.</summary>
    public static Option<OutputFormat> CreateResultFormatOption(string name, string description) => new(name)
    {
        HelpName = "FORMAT",
        Description = description,
        CustomParser = ChoiceParser.Create(ResultFormats),
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    public required IReadOnlyList<ExecutionMode> Modes { get; init; }
    public int ThrottleLimit { get; init; }
    public bool Ordered { get; init; }
    public OutputFormat Format { get; init; }
    public bool Verbose { get; init; }

    /// <summary>The terminal chart, and the timeline files to write (null when not asked for).</summary>
    public bool Timeline { get; init; }
    public string? TracePath { get; init; }
    public string? SvgPath { get; init; }
    public string? HtmlPath { get; init; }

    /// <param name="resultFormat">The command's option that picks table, csv or json.</param>
    /// <param name="defaultModes">The command's own modes when --mode is not given (otherwise <see cref="DefaultModes"/>).</param>
    public static RunOptions From(ParseResult parseResult, Option<OutputFormat> resultFormat, IReadOnlyList<ExecutionMode>? defaultModes = null) => new()
    {
        Modes = parseResult.GetResult(ModeOption) is { Implicit: false } ? parseResult.GetValue(ModeOption) ?? DefaultModes : defaultModes ?? DefaultModes,
        ThrottleLimit = parseResult.GetValue(ThrottleLimitOption),
        Ordered = parseResult.GetValue(OrderedOption),
        Format = parseResult.GetValue(resultFormat),
        Verbose = parseResult.GetValue(VerboseOption),
        Timeline = parseResult.GetValue(TimelineOption),
        TracePath = parseResult.GetValue(TraceOption),
        SvgPath = parseResult.GetValue(SvgOption),
        HtmlPath = parseResult.GetValue(HtmlOption),
    };
}
