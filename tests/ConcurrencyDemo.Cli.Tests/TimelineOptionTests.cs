using System.Text.Json;
using System.Xml.Linq;

namespace ConcurrencyDemo.Cli.Tests;

/// <summary>--timeline, --trace, --svg and --html: on every workload command, drawn from every result once the runs are over.</summary>
public sealed class TimelineOptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cli-timeline-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>An 80-column terminal as far as the CLI can tell, its output redirected (so plain text).</summary>
    private static CliResult Run(params string[] arguments) =>
        CliProgram.RunWithEnvironment(new Dictionary<string, string?> { ["COLUMNS"] = "80", ["NO_COLOR"] = null }, arguments);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void Timeline_draws_each_run_after_the_results_in_80_columns()
    {
        var run = Run("sleep", "--mode", "pool,thread", "--count", "4", "--seconds", "0.5", "--throttle-limit", "2", "--timeline");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int comparison = lines.FindIndex(l => l.StartsWith("Comparison", StringComparison.Ordinal));
        int poolTitle = lines.FindIndex(l => l.StartsWith("Pool, throttle limit 2, ", StringComparison.Ordinal));
        Assert.True(comparison >= 0 && poolTitle > comparison, run.Stdout);
        Assert.Equal(2, lines.Count(l => l.StartsWith("Pool-", StringComparison.Ordinal) && l.Contains('|')));
        Assert.Equal(4, lines.Count(l => l.StartsWith("Thread-", StringComparison.Ordinal) && l.Contains('|')));
        // Two rounds on each pool thread.
        Assert.All(lines.Where(l => l.StartsWith("Pool-", StringComparison.Ordinal) && l.Contains('|')), l => Assert.Equal(2, l.Count(c => c == '[')));
        Assert.Contains(lines, l => l.Contains("a worker starting", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Length <= 79 || !l.Contains('|') , $"'{l}' is {l.Length} characters"));
        Assert.DoesNotContain('\e', run.Stdout);
    }

    [Fact]
    public void With_csv_on_stdout_the_timeline_goes_to_stderr()
    {
        var run = Run("sleep", "--mode", "async", "--count", "2", "--seconds", "0.1", "--format", "csv", "--timeline");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, run.StdoutLines.Length);
        Assert.StartsWith("RunId,", run.StdoutLines[0]);
        Assert.Contains(run.StderrLines, l => l.StartsWith("Async, throttle limit 2", StringComparison.Ordinal));
        Assert.Contains(run.StderrLines, l => l.StartsWith("Task-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Trace_svg_and_html_write_every_run_to_its_file()
    {
        var run = Run("sleep", "--mode", "sequential,process", "--count", "2", "--seconds", "0.1", "--format", "json",
            "--trace", PathOf("runs.json"), "--svg", PathOf("runs.svg"), "--html", PathOf("runs.html"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        using var trace = JsonDocument.Parse(File.ReadAllText(PathOf("runs.json")));
        var events = trace.RootElement.GetProperty("traceEvents").EnumerateArray().Where(e => e.GetProperty("ph").GetString() == "X").ToList();
        Assert.Equal(4, events.Count(e => e.GetProperty("cat").GetString() == "item"));
        // The Process run's two worker processes, each starting before its first item.
        var startups = events.Where(e => e.GetProperty("cat").GetString() == "startup" && e.GetProperty("pid").GetInt32() == 2).ToList();
        Assert.Equal(2, startups.Count);
        foreach (var startup in startups)
        {
            double firstItem = events.Where(e => e.GetProperty("cat").GetString() == "item" && e.GetProperty("pid").GetInt32() == 2
                && e.GetProperty("tid").GetInt32() == startup.GetProperty("tid").GetInt32()).Min(e => e.GetProperty("ts").GetDouble());
            Assert.True(startup.GetProperty("ts").GetDouble() + startup.GetProperty("dur").GetDouble() <= firstItem + 0.01);
        }
        var svg = XDocument.Load(PathOf("runs.svg"));
        Assert.Equal(4, svg.Descendants().Count(e => ((string?)e.Attribute("class"))?.Split(' ').Contains("item") == true));
        string html = File.ReadAllText(PathOf("runs.html"));
        Assert.Contains("<td class=\"text\">Process</td>", html);
        Assert.Equal(["runs.html", "runs.json", "runs.svg"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Convert_offers_them_too_with_each_photo_s_fields_in_the_trace()
    {
        using var photos = new PhotoFolder();
        string photo = photos.WriteJpeg("photo.jpg", 120, 90);

        var run = Run("convert", photo, "--out", photos.OutputDirectory, "--max-size", "50", "--timeline", "--trace", PathOf("photos.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("Sequential, throttle limit 1, ", StringComparison.Ordinal));
        using var trace = JsonDocument.Parse(File.ReadAllText(PathOf("photos.json")));
        var item = trace.RootElement.GetProperty("traceEvents").EnumerateArray().Single(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("cat").GetString() == "item");
        Assert.Equal(photo, item.GetProperty("args").GetProperty("InputPath").GetString());
        Assert.Equal(JsonValueKind.Number, item.GetProperty("args").GetProperty("DecodeSeconds").ValueKind);
    }

    [Fact]
    public void A_file_in_a_folder_that_does_not_exist_stops_the_command_before_anything_runs()
    {
        string missing = Path.Combine(_folder, "missing", "runs.svg");

        var run = Run("sleep", "--mode", "thread", "--count", "1", "--seconds", "0.1", "--svg", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal($"concurrency-demo sleep: --svg: the folder '{Path.GetDirectoryName(missing)}' does not exist.", Assert.Single(run.StderrLines));
    }

    [Fact]
    public void A_folder_for_a_file_is_refused()
    {
        var run = Run("sleep", "--count", "1", "--seconds", "0", "--trace", _folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--trace", Assert.Single(run.StderrLines));
        Assert.Contains("is a folder", run.Stderr);
    }

    [Fact]
    public void Two_options_naming_one_file_are_a_usage_error()
    {
        var run = Run("sleep", "--count", "1", "--seconds", "0", "--svg", PathOf("same"), "--html", PathOf("same"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--html and --svg name the same file", Assert.Single(run.StderrLines));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void An_existing_file_is_replaced_whole()
    {
        File.WriteAllText(PathOf("runs.svg"), "old");

        var run = Run("sleep", "--mode", "async", "--count", "1", "--seconds", "0", "--svg", PathOf("runs.svg"));

        Assert.Equal(0, run.ExitCode);
        XDocument.Load(PathOf("runs.svg"));
        Assert.Single(Directory.GetFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("sleep")]
    [InlineData("convert", "photo.jpg", "--out", "out")]
    public void Every_workload_command_reads_the_options(string command, params string[] rest)
    {
        var result = CommandLine.ParseValid([command, .. rest, "--timeline", "--trace", "t.json", "--svg", "t.svg", "--html", "t.html"]);

        Assert.True(result.GetValue<bool>("--timeline"));
        Assert.Equal("t.json", result.GetValue<string>("--trace"));
        Assert.Equal("t.svg", result.GetValue<string>("--svg"));
        Assert.Equal("t.html", result.GetValue<string>("--html"));
    }

    [Fact]
    public void Steps_sleep_each_item_in_parts_each_a_verbose_line()
    {
        var run = Run("sleep", "--mode", "thread", "--seconds", "0.3,0.3", "--steps", "3", "--verbose");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(6, run.StderrLines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^VERBOSE: \[\d+\.\d{3} s\] Thread-\d item \d: Step [123] of 3 \(0\.1 s\)$")));
    }

    [Fact]
    public void Steps_out_of_range_is_a_usage_error_naming_the_option()
    {
        var run = Run("sleep", "--steps", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("concurrency-demo sleep: --steps: ", Assert.Single(run.StderrLines));
    }
}
