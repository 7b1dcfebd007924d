using System.Text.Json;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads.Download;
using ConcurrencyDemo.PhotoSite;
using ConcurrencyDemo.Tests.Common;

namespace ConcurrencyDemo.Cli.Tests;

/// <summary><c>concurrency-demo download</c> against the demo photo site on loopback: never the internet.</summary>
public sealed class DownloadCommandTests : IDisposable
{
    private readonly DemoImageServer _site = DemoImageServer.Start(new DemoImageServerOptions { Count = 3, Width = 320, Height = 200 });
    private readonly string _root = Directory.CreateTempSubdirectory("concurrency-demo-download-").FullName;

    private string Out => Path.Combine(_root, "images");

    private string[] Urls => _site.ImageUris.Select(u => u.AbsoluteUri).ToArray();

    private string Missing => new Uri(_site.BaseUri, "images/none.jpg").AbsoluteUri;

    public void Dispose()
    {
        _site.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Every name in the output folder, hidden (temporary) files included.</summary>
    private string[] OutputNames() =>
        Directory.Exists(Out)
            ? Directory.GetFileSystemEntries(Out, "*", new EnumerationOptions { AttributesToSkip = 0 }).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray()
            : [];

    private byte[] Served(string name) => _site.GetImageBytes(name).ToArray();

    [Fact]
    public void Downloads_every_url_into_out_as_served_with_a_table_row_each()
    {
        var run = CliProgram.Run(["download", .. Urls, "--out", Out, "--mode", "thread"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Equal(["photo-01.jpg", "photo-02.jpg", "photo-03.jpg"], OutputNames());
        Assert.All(OutputNames(), name => Assert.Equal(Served(name), File.ReadAllBytes(Path.Combine(Out, name))));
        string[] header = run.StdoutLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Mode", "Index", "File", "Worker", "Status", "Bytes", "First", "Body", "End", "Result"], header);
        Assert.Equal(3, run.StdoutLines.Count(l => l.StartsWith("Thread ") && l.Contains(" Downloaded ") && l.EndsWith(" OK")));
    }

    [Fact]
    public void Csv_has_the_common_columns_then_the_downloads_in_the_cmdlets_order()
    {
        var run = CliProgram.Run(["download", Urls[0], "--out", Out, "--format", "csv"]);

        Assert.Equal(0, run.ExitCode);
        var table = CsvTable.Parse(run.Stdout);
        var expected = ResultProperties.InOrder(typeof(DownloadResult)).Select(p => p.Name).ToList();
        Assert.Equal(expected, table.Header);
        Assert.Equal(["Uri", "Path", "Bytes", "StatusCode", "ContentType", "Attempts", "Status", "FirstByteSeconds", "TransferSeconds"], table.Header.SkipWhile(h => h != "Uri"));
        var row = Assert.Single(table.Rows);
        Assert.Equal((Urls[0], Path.Combine(Out, "photo-01.jpg"), "Downloaded", "200", "1"), (row["Uri"], row["Path"], row["Status"], row["StatusCode"], row["Attempts"]));
        Assert.Equal(Served("photo-01.jpg").Length, CsvTable.Number(row, "Bytes"));
    }

    [Fact]
    public void Json_is_one_result_object_per_line()
    {
        var run = CliProgram.Run(["download", .. Urls, "--out", Out, "--format", "json", "--mode", "async"]);

        Assert.Equal(0, run.ExitCode);
        var rows = run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("Downloaded", r.GetProperty("Status").GetString()));
        Assert.Equal(Urls.Order(), rows.Select(r => r.GetProperty("Uri").GetString()).Order());
    }

    [Fact]
    public void A_missing_image_fails_with_exit_code_1_and_one_line_naming_it()
    {
        var run = CliProgram.Run(["download", Urls[0], Missing, "--out", Out]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"concurrency-demo download: cannot download '{Missing}': HTTP 404 Not Found"], run.StderrLines);
        Assert.Equal(["photo-01.jpg"], OutputNames());
    }

    [Fact]
    public void An_existing_file_is_skipped_and_downloaded_again_with_force()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "photo-01.jpg"), "old");

        var skipped = CliProgram.Run(["download", Urls[0], "--out", Out, "--format", "csv"]);
        Assert.Equal(0, skipped.ExitCode);
        Assert.Equal("Skipped", CsvTable.Parse(skipped.Stdout).Rows[0]["Status"]);
        Assert.Equal("old", File.ReadAllText(Path.Combine(Out, "photo-01.jpg")));

        var forced = CliProgram.Run(["download", Urls[0], "--out", Out, "--format", "csv", "--force"]);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal("Downloaded", CsvTable.Parse(forced.Stdout).Rows[0]["Status"]);
        Assert.Equal(Served("photo-01.jpg"), File.ReadAllBytes(Path.Combine(Out, "photo-01.jpg")));
    }

    [Theory]
    [InlineData("--max-retries", "-1", "--max-retries:")]
    [InlineData("--connection-timeout", "-2", "--connection-timeout:")]
    [InlineData("--operation-timeout", "soon", "--operation-timeout:")]
    [InlineData("--retry-interval", "1e9", "--retry-interval:")]
    [InlineData("--max-bytes", "0", "--max-bytes:")]
    [InlineData("--max-bytes", "lots", "--max-bytes:")]
    public void A_bad_network_option_is_a_usage_error_naming_it(string option, string value, string named)
    {
        var run = CliProgram.Run(["download", Urls[0], "--out", Out, option, value]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(named, run.StderrLines[0].Replace("concurrency-demo download: ", ""));
        Assert.Empty(OutputNames());
        Assert.Equal(0, _site.RequestCount);
    }

    [Fact]
    public void An_empty_out_is_a_usage_error_naming_it()
    {
        var run = CliProgram.Run(["download", Urls[0], "--out", ""]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("concurrency-demo download: --out: needs a folder name.", run.StderrLines[0]);
        Assert.Equal(0, _site.RequestCount);
    }

    [Fact]
    public void A_url_that_cannot_be_downloaded_is_a_usage_error_before_any_download()
    {
        var run = CliProgram.Run(["download", Urls[0], "ftp://example.com/a.jpg", "--out", Out]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'ftp://example.com/a.jpg'", run.Stderr);
        Assert.Equal(0, _site.RequestCount);
    }

    [Fact]
    public void Max_bytes_takes_a_size_with_a_suffix()
    {
        var run = CliProgram.Run(["download", Urls[0], "--out", Out, "--max-bytes", "1K", "--format", "csv"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("TooLarge", CsvTable.Parse(run.Stdout).Rows[0]["Failure"]);
        Assert.Contains("1024", run.Stderr);
    }

    [Fact]
    public void An_out_that_is_a_file_cannot_be_used()
    {
        File.WriteAllText(Out, "a file");
        var run = CliProgram.Run(["download", Urls[0], "--out", Out]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is a file, not a folder", run.Stderr);
    }

    [UnixTheory]
    [InlineData("sequential")]
    [InlineData("process")]
    public void CtrlC_mid_download_leaves_no_temporary_file_and_no_worker(string mode)
    {
        using var slow = DemoImageServer.Start(new DemoImageServerOptions { Count = 4, Width = 640, Height = 480, BytesPerSecond = 20_000 });
        using var cli = RunningCli.Start(["download", .. slow.ImageUris.Select(u => u.AbsoluteUri), "--out", Out, "--mode", mode, "--throttle-limit", "2", "--verbose"]);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!OutputNames().Any(n => n.EndsWith(".tmp")) && DateTime.UtcNow < deadline) Thread.Sleep(20);
        var workers = WorkerPids(cli.ProcessId);

        cli.Signal(RunningCli.SIGINT);

        Assert.Equal(130, cli.WaitForExit(TimeSpan.FromSeconds(15)));
        Assert.Contains("Cancelled.", cli.StderrSeen);
        Assert.DoesNotContain(cli.StderrSeen, l => l.Contains("cannot download") || l.Contains("   at "));
        Assert.All(OutputNames(), name =>
        {
            Assert.False(name.StartsWith('.') || name.EndsWith(".tmp"), $"{name} was left behind");
            Assert.Equal(slow.GetImageBytes(name).ToArray(), File.ReadAllBytes(Path.Combine(Out, name)));
        });
        Assert.True(OutputNames().Length < 4, "the batch finished before the signal");
        Assert.All(workers, pid => Assert.False(ProcessProbe.IsAlive(pid), $"worker {pid} outlived the CLI"));
    }

    /// <summary>The CLI's child processes (Process mode's workers), from /proc.</summary>
    private static List<int> WorkerPids(int parent)
    {
        var children = new List<int>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            try
            {
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1]) == parent) children.Add(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { }
        }
        return children;
    }
}
