using System.CommandLine;
using ConcurrencyDemo.Cli.Commands;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Timelines;
using ConcurrencyDemo.Timelines.Files;
using ConcurrencyDemo.Timelines.Terminal;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>
/// What --timeline, --trace, --svg and --html ask for, drawn from every result of the command once the runs are
/// over. The files are checked before anything runs, so a mistyped folder never costs a whole batch, and each is
/// written whole or not at all (an existing file is replaced, as a shell's &gt; would).
/// </summary>
public sealed class TimelineOutputs
{
    private readonly RunOptions _options;
    private readonly List<(Option Option, string Path, TimelineFileFormat Format)> _files = [];

    private TimelineOutputs(RunOptions options) => _options = options;

    public bool Wanted => _options.Timeline || _files.Count > 0;

    /// <summary>The outputs asked for, checked: a folder that does not exist or a file that is a folder stops the command now.</summary>
    public static TimelineOutputs Prepare(RunOptions options)
    {
        var outputs = new TimelineOutputs(options);
        outputs.Add(RunOptions.TraceOption, options.TracePath, TimelineFileFormat.Trace);
        outputs.Add(RunOptions.SvgOption, options.SvgPath, TimelineFileFormat.Svg);
        outputs.Add(RunOptions.HtmlOption, options.HtmlPath, TimelineFileFormat.Html);
        return outputs;
    }

    private void Add(Option option, string? path, TimelineFileFormat format)
    {
        if (path is null) return;
        string fullPath = Path.GetFullPath(path);
        if (_files.FirstOrDefault(f => string.Equals(f.Path, fullPath, StringComparison.Ordinal)) is { Option: not null } clash)
            throw new Arguments.UsageException($"{option.Name} and {clash.Option.Name} name the same file, '{fullPath}'.");
        if (Directory.Exists(fullPath))
            throw new CannotRunException($"{option.Name}: '{fullPath}' is a folder, not a file.");
        string? folder = Path.GetDirectoryName(fullPath);
        if (folder is not null && !Directory.Exists(folder))
            throw new CannotRunException($"{option.Name}: the folder '{folder}' does not exist.");
        _files.Add((option, fullPath, format));
    }

    /// <param name="chart">Where the terminal chart goes: stdout after a table, stderr when stdout is csv or json.</param>
    public void Write(IReadOnlyList<ItemResult> results, TextWriter chart, bool chartIsRedirected, TextWriter verbose)
    {
        if (!Wanted || results.Count == 0) return;
        var runs = TimelineRun.Group(results.Select(TimelineItems.From));
        if (_options.Timeline)
        {
            var style = UseColour(chartIsRedirected) ? TerminalStyle.Ansi : TerminalStyle.Plain;
            // Apart from the comparison or the last run's summary above it.
            chart.WriteLine();
            foreach (string line in TerminalChart.Draw(runs, ChartWidth(chartIsRedirected), style))
                chart.WriteLine(line);
            chart.Flush();
        }
        foreach (var (option, path, format) in _files)
        {
            try
            {
                TimelineFile.Save(path, format, runs, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CannotRunException($"{option.Name}: cannot write '{path}': {ex.Message}");
            }
            if (_options.Verbose) verbose.WriteLine($"VERBOSE: {option.Name}: wrote {path}");
        }
    }

    /// <summary>Colour only for a terminal, and never when NO_COLOR is set (no-color.org) or the terminal is dumb.</summary>
    private static bool UseColour(bool redirected) =>
        !redirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// <summary>The terminal's width; else $COLUMNS, as shells export it; else 80.</summary>
    private static int ChartWidth(bool redirected)
    {
        int width = 0;
        if (!redirected)
        {
            try { width = Console.WindowWidth; }
            catch (IOException) { }
            catch (PlatformNotSupportedException) { }
        }
        if (width <= 0 && int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int columns)) width = columns;
        if (width <= 0) width = 80;
        return Math.Max(width, TerminalChart.MinimumWidth);
    }
}
