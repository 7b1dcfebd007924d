using System.CommandLine;
using ConcurrencyDemo.Cli.Arguments;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads.Download;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// <c>concurrency-demo download</c>: the tutorial's I/O-bound lesson on a real network. Per URL: fetch the
/// image and save it, with the wait for the server and the body's transfer timed apart. Every check that can
/// fail without the network (the URLs, the options, the output folder) is done before any download starts.
/// </summary>
public sealed class DownloadCommand : Command
{
    private static readonly DownloadSettings Defaults = DownloadSettings.Default;

    private static readonly Argument<string[]> UrlsArgument = new("url")
    {
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
    };

    /// <summary>Where the images go without --out, relative to the current directory.</summary>
    private const string DefaultFolder = "images";

    private static readonly Option<string> OutOption = new("--out")
    {
        HelpName = "DIR",
        CustomParser = NonEmptyNameParser.Create("a folder name"),
        Description = $"Folder for the images (created if missing). Default: {DefaultFolder}.",
        DefaultValueFactory = _ => DefaultFolder,
    };

    private static readonly Option<double> ConnectionTimeoutOption = new("--connection-timeout")
    {
        HelpName = "S",
        Description = $"Seconds to send a request and receive the headers (the server's latency too); 0 waits for ever. Default {Defaults.ConnectionTimeoutSeconds}.",
        // The ranges are DownloadSettings' to check, once, where the settings are made.
        CustomParser = DecimalNumberParser.Create(),
        DefaultValueFactory = _ => Defaults.ConnectionTimeoutSeconds,
    };

    private static readonly Option<double> OperationTimeoutOption = new("--operation-timeout")
    {
        HelpName = "S",
        Description = $"Seconds each read of a body may wait, so a stalled body fails; 0 waits for ever. Default {Defaults.OperationTimeoutSeconds}.",
        CustomParser = DecimalNumberParser.Create(),
        DefaultValueFactory = _ => Defaults.OperationTimeoutSeconds,
    };

    private static readonly Option<int> MaxRetriesOption = new("--max-retries")
    {
        HelpName = "N",
        Description = $"Retries of a transient failure (timeout, broken connection, HTTP 408, 429, 500, 502, 503, 504). Default {Defaults.MaximumRetryCount}.",
        CustomParser = WholeNumberParser.Create(),
        DefaultValueFactory = _ => Defaults.MaximumRetryCount,
    };

    private static readonly Option<double> RetryIntervalOption = new("--retry-interval")
    {
        HelpName = "S",
        Description = $"Seconds before the first retry, doubling at each next one; a server's Retry-After wins. Default {Defaults.RetryIntervalSeconds}.",
        CustomParser = DecimalNumberParser.Create(),
        DefaultValueFactory = _ => Defaults.RetryIntervalSeconds,
    };

    private static readonly Option<long> MaxBytesOption = new("--max-bytes")
    {
        HelpName = "B",
        Description = "The largest image accepted, in bytes (512K, 10M, 2G allowed). Default 256M.",
        CustomParser = ByteCountParser.Create(),
        DefaultValueFactory = _ => Defaults.MaximumBytes,
    };

    private static readonly Option<bool> ForceOption = new("--force")
    {
        Description = "Download again and replace files that exist. Without it an existing file is skipped.",
    };

    /// <summary>One run unless asked for more: a second mode finds every file there already, and skips it without --force.</summary>
    private static readonly IReadOnlyList<ExecutionMode> DefaultModes = [ExecutionMode.Sequential];

    public const string CommandName = "download";

    public DownloadCommand() : base(CommandName,
        "Download images (I/O-bound work) and time each one.\n" +
        "\n" +
        $"Saves each URL into {OutOption.Name} under the last segment of its path, as the tutorial names its files;\n" +
        "a name without an image extension gets the one of the format that arrived (.jpg, .png, ...).\n" +
        "Without a URL, the batch is the tutorial's 15 photos from images.unsplash.com. One row per URL\n" +
        "shows its status, its size, the wait for the server's answer (First) and the body (Body).\n" +
        $"{RunOptions.ModeOption.Name} runs it in other modes (default sequential); a file that exists is skipped, so give\n" +
        $"{ForceOption.Name} to let a later mode download again.\n" +
        "\n" +
        "Only image bodies are saved (told by their bytes), to a temporary file renamed into place when\n" +
        "whole, so a failure or Ctrl+C never leaves a partial file. Transient failures are retried.\n" +
        "A URL that fails gets one line on stderr; the others go on. Use -- before URLs that start with a dash.\n" +
        "\n" +
        $"Exit codes: 0 all downloaded or skipped; 1 a URL failed, or {OutOption.Name} cannot be used (nothing ran);\n" +
        "2 bad command line (nothing ran); 130 Ctrl+C; 143 SIGTERM.")
    {
        Arguments.Add(UrlsArgument);
        Options.Add(OutOption);
        foreach (var option in RunOptions.ModeOptions) Options.Add(option);
        Options.Add(ConnectionTimeoutOption);
        Options.Add(OperationTimeoutOption);
        Options.Add(MaxRetriesOption);
        Options.Add(RetryIntervalOption);
        Options.Add(MaxBytesOption);
        Options.Add(ForceOption);
        foreach (var option in RunOptions.OutputOptions(RunOptions.FormatOption)) Options.Add(option);
        SetAction(Run);
    }

    private static int Run(ParseResult parseResult)
    {
        var urls = parseResult.GetValue(UrlsArgument) ?? [];
        var settings = CreateSettings(parseResult);
        var runOptions = RunOptions.From(parseResult, RunOptions.FormatOption, DefaultModes);
        string outputDirectory = Path.GetFullPath(parseResult.GetRequiredValue(OutOption));

        DownloadPlan plan;
        try
        {
            plan = DownloadPlan.Create(urls.Length == 0 ? DownloadWorkload.TutorialUris : urls, outputDirectory, settings);
        }
        catch (ArgumentException ex)
        {
            // The plan's message names the URL and what is wrong with it.
            throw new UsageException(ex.Message);
        }
        OutputFolder.Prepare(OutOption, outputDirectory);

        string commandPath = CommandPath.Of(parseResult.CommandResult.Command);
        // Disposed however the run ends (Ctrl+C included): the batch's client closes and no temporary file stays.
        using var workload = new DownloadWorkload(plan);
        return WorkloadRunner.Run(workload, runOptions, result => DescribeFailure(result, commandPath));
    }

    /// <summary>The network settings, each checked where it is set; a refused one is a usage error naming its option.</summary>
    private static DownloadSettings CreateSettings(ParseResult parseResult)
    {
        try
        {
            return new DownloadSettings
            {
                ConnectionTimeoutSeconds = parseResult.GetValue(ConnectionTimeoutOption),
                OperationTimeoutSeconds = parseResult.GetValue(OperationTimeoutOption),
                MaximumRetryCount = parseResult.GetValue(MaxRetriesOption),
                RetryIntervalSeconds = parseResult.GetValue(RetryIntervalOption),
                MaximumBytes = parseResult.GetValue(MaxBytesOption),
                Overwrite = parseResult.GetValue(ForceOption),
            };
        }
        catch (InvalidSettingException ex)
        {
            Option option = ex.Setting switch
            {
                nameof(DownloadSettings.ConnectionTimeoutSeconds) => ConnectionTimeoutOption,
                nameof(DownloadSettings.OperationTimeoutSeconds) => OperationTimeoutOption,
                nameof(DownloadSettings.MaximumRetryCount) => MaxRetriesOption,
                nameof(DownloadSettings.RetryIntervalSeconds) => RetryIntervalOption,
                _ => MaxBytesOption,
            };
            throw UsageException.ForOption(option, ex.Message);
        }
    }

    /// <summary>"concurrency-demo download: cannot download 'https://x/a.jpg': HTTP 404 Not Found", whatever shape the item's error took.</summary>
    private static string DescribeFailure(ItemResult result, string commandPath)
    {
        string uri = result is DownloadResult { Uri.Length: > 0 } download ? download.Uri : result.Label;
        string prefix = $"'{uri}': ";
        string problem = result.Error.StartsWith(prefix, StringComparison.Ordinal) ? result.Error[prefix.Length..] : result.Error;
        return $"{commandPath}: cannot download {prefix}{problem.ReplaceLineEndings(" ")}";
    }
}
