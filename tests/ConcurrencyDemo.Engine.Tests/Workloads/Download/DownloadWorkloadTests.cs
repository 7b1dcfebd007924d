using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads.Download;
using ConcurrencyDemo.PhotoSite;
using ConcurrencyDemo.Tests.Common;

namespace ConcurrencyDemo.Engine.Tests;

/// <summary>The download workload against the demo photo site on loopback: never the internet.</summary>
public sealed class DownloadWorkloadTests : IDisposable
{
    private static readonly ExecutionMode[] AllModes = Enum.GetValues<ExecutionMode>();

    /// <summary>Quick retries, so that the tests of failures take a fraction of a second each.</summary>
    private static readonly DownloadSettings Quick = new() { RetryIntervalSeconds = 0.05, OperationTimeoutSeconds = 10, ConnectionTimeoutSeconds = 10 };

    private readonly string _root = Directory.CreateTempSubdirectory("download-workload-").FullName;
    private readonly List<IDisposable> _owned = [];

    private string Destination => Path.Combine(_root, "images");

    public void Dispose()
    {
        foreach (var owned in _owned) owned.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    public static TheoryData<ExecutionMode> Modes => new(AllModes);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Every_mode_saves_the_bytes_the_site_served(ExecutionMode mode)
    {
        var site = StartSite(new DemoImageServerOptions { Count = 4, Width = 320, Height = 200 });

        var (summary, results) = Run(mode, Uris(site), Quick, throttleLimit: 2);

        Assert.Equal(4, summary.Succeeded);
        Assert.All(results, r =>
        {
            Assert.Equal(DownloadStatus.Downloaded, r.Status);
            Assert.Equal(200, r.StatusCode);
            Assert.StartsWith("image/jpeg", r.ContentType);
            Assert.Equal(1, r.Attempts);
            string name = Path.GetFileName(r.Path);
            Assert.Equal(site.GetImageBytes(name).ToArray(), File.ReadAllBytes(r.Path));
            Assert.Equal(new FileInfo(r.Path).Length, r.Bytes);
        });
        Assert.Equal(["photo-01.jpg", "photo-02.jpg", "photo-03.jpg", "photo-04.jpg"], FilesIn(Destination));
        if (mode == ExecutionMode.Process)
            Assert.All(results, r => Assert.NotEqual(Environment.ProcessId, r.ProcessId));
    }

    [Theory]
    [InlineData(ExecutionMode.Thread)]
    [InlineData(ExecutionMode.Pool)]
    [InlineData(ExecutionMode.Async)]
    public void Downloads_overlap_their_waits_for_a_slow_server(ExecutionMode mode)
    {
        var site = StartSite(new DemoImageServerOptions { Count = 6, Width = 160, Height = 100, Latency = TimeSpan.FromMilliseconds(400) });

        var (summary, results) = Run(mode, Uris(site), Quick, throttleLimit: 6);

        Assert.Equal(6, summary.Succeeded);
        Assert.True(summary.PeakConcurrency >= 3, $"peak concurrency {summary.PeakConcurrency}");
        // Six waits of 0.4 s one after another would take 2.4 s.
        Assert.True(summary.ElapsedSeconds < summary.ItemSeconds * 0.6, $"{summary.ElapsedSeconds} s elapsed for {summary.ItemSeconds} s of items");
        Assert.All(results, r => Assert.True(r.FirstByteSeconds >= 0.3, $"first byte after {r.FirstByteSeconds} s despite the latency"));
    }

    [Fact]
    public void Sequential_mode_waits_for_each_download_in_turn()
    {
        var site = StartSite(new DemoImageServerOptions { Count = 3, Width = 160, Height = 100, Latency = TimeSpan.FromMilliseconds(200) });

        var (summary, _) = Run(ExecutionMode.Sequential, Uris(site), Quick);

        Assert.Equal(1, summary.PeakConcurrency);
        // Three waits of 0.2 s in turn, against about 0.2 s at once; a margin, as the site's timer and ours are
        // not the same clock (one run measured 0.5997 s).
        Assert.True(summary.ElapsedSeconds >= 0.5, $"{summary.ElapsedSeconds} s");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Results_come_as_they_finish_or_in_input_order(bool ordered)
    {
        var site = StartSite(new DemoImageServerOptions { Count = 4, Width = 160, Height = 100 });
        // The first URL is much slower than the others.
        var uris = Uris(site);
        uris[0] += "?latencyMs=800";

        var (_, results) = Run(ExecutionMode.Async, uris, Quick, ordered: ordered);

        var indexes = results.Select(r => r.Index).ToList();
        if (ordered) Assert.Equal([0, 1, 2, 3], indexes);
        else Assert.Equal(0, indexes[^1]);
    }

    [Theory]
    [InlineData(ExecutionMode.Sequential)]
    [InlineData(ExecutionMode.Async)]
    public void A_server_that_is_busy_twice_is_waited_for_as_Retry_After_asks(ExecutionMode mode)
    {
        var site = StartSite(new DemoImageServerOptions { Count = 1, Width = 160, Height = 100 });
        var settings = Quick with { RetryIntervalSeconds = 0 };

        var (_, results) = Run(mode, [Uris(site)[0] + "?status=503&times=2&retryAfter=1"], settings);

        var result = Assert.Single(results);
        Assert.True(result.Success, result.Error);
        Assert.Equal((DownloadStatus.Downloaded, 3, 200), (result.Status, result.Attempts, result.StatusCode));
        // Two waits of the server's second, not of the retry interval of 0.
        Assert.True(result.DurationSeconds >= 1.8, $"{result.DurationSeconds} s");
        Assert.Equal(site.GetImageBytes("photo-01.jpg").ToArray(), File.ReadAllBytes(result.Path));
    }

    [Fact]
    public void A_server_still_busy_after_every_retry_fails_the_url_naming_it()
    {
        var site = StartSite(new DemoImageServerOptions { Count = 1, Width = 160, Height = 100 });
        string uri = Uris(site)[0] + "?status=503";

        var (_, results) = Run(ExecutionMode.Sequential, [uri], Quick with { MaximumRetryCount = 2 });

        var result = Assert.Single(results);
        Assert.Equal((FailureKind.HttpError, DownloadStatus.Failed, 3, 503), (result.Failure, result.Status, result.Attempts, result.StatusCode));
        Assert.Contains(uri, result.Error);
        Assert.Contains("503", result.Error);
        Assert.Empty(FilesIn(Destination));
    }

    [Theory]
    [InlineData("images/none.jpg", FailureKind.NotFound, "404")]
    [InlineData("images/photo-01.jpg?html=1", FailureKind.InvalidInput, "not an image")]
    public void Not_found_and_a_page_instead_of_an_image_fail_at_once_and_leave_nothing(string path, FailureKind kind, string reason)
    {
        var site = StartSite(new DemoImageServerOptions { Count = 1, Width = 160, Height = 100 });
        string uri = new Uri(site.BaseUri, path).AbsoluteUri;

        foreach (var mode in new[] { ExecutionMode.Sequential, ExecutionMode.Async })
        {
            var (_, results) = Run(mode, [uri], Quick);

            var result = Assert.Single(results);
            Assert.Equal((kind, DownloadStatus.Failed, 1), (result.Failure, result.Status, result.Attempts));
            Assert.Contains(uri, result.Error);
            Assert.Contains(reason, result.Error);
            Assert.Empty(FilesIn(Destination));
        }
    }

    [Theory]
    [InlineData(ExecutionMode.Sequential)]
    [InlineData(ExecutionMode.Async)]
    [InlineData(ExecutionMode.Process)]
    public void A_dropped_connection_leaves_no_file_and_no_temporary_file(ExecutionMode mode)
    {
        var site = StartSite(new DemoImageServerOptions { Count = 1, Width = 320, Height = 200 });

        var (_, results) = Run(mode, [Uris(site)[0] + "?drop=1000"], Quick with { MaximumRetryCount = 1 });

        var result = Assert.Single(results);
        Assert.Equal((FailureKind.ConnectionFailed, 2), (result.Failure, result.Attempts));
        Assert.Contains("1000 bytes", result.Error);
        Assert.Empty(FilesIn(Destination));
    }

    [Theory]
    [InlineData(ExecutionMode.Sequential)]
    [InlineData(ExecutionMode.Pool)]
    [InlineData(ExecutionMode.Async)]
    public void A_stalled_body_fails_after_the_operation_timeout(ExecutionMode mode)
    {
        var site = StartSite(new DemoImageServerOptions { Count = 1, Width = 320, Height = 200 });
        var settings = Quick with { OperationTimeoutSeconds = 1, MaximumRetryCount = 0 };

        var (_, results) = Run(mode, [Uris(site)[0] + "?stall=500"], settings);

        var result = Assert.Single(results);
        Assert.Equal(FailureKind.TimedOut, result.Failure);
        Assert.Contains("OperationTimeoutSeconds", result.Error);
        Assert.InRange(result.DurationSeconds, 0.9, 8);
        Assert.Empty(FilesIn(Destination));
    }

    [Fact]
    public void A_server_slower_than_the_connection_timeout_fails_the_url()
    {
        var site = StartSite(new DemoImageServerOptions { Count = 1, Width = 160, Height = 100 });
        var settings = Quick with { ConnectionTimeoutSeconds = 1, MaximumRetryCount = 0 };

        var (_, results) = Run(ExecutionMode.Sequential, [Uris(site)[0] + "?latencyMs=5000"], settings);

        var result = Assert.Single(results);
        Assert.Equal(FailureKind.TimedOut, result.Failure);
        Assert.Contains("ConnectionTimeoutSeconds", result.Error);
        Assert.Empty(FilesIn(Destination));
    }

    [Fact]
    public void A_refused_connection_fails_the_url_saying_why_once()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (_, results) = Run(ExecutionMode.Sequential, [$"http://127.0.0.1:{port}/photo.jpg"], Quick with { MaximumRetryCount = 0 });

        var result = Assert.Single(results);
        Assert.Equal(FailureKind.ConnectionFailed, result.Failure);
        Assert.Contains($"127.0.0.1:{port}", result.Error);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Error!, "refused", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.Empty(FilesIn(Destination));
    }

    [Fact]
    public void A_body_over_the_limit_is_refused()
    {
        var site = StartSite(new DemoImageServerOptions { Count = 1, Width = 320, Height = 200 });

        var (_, results) = Run(ExecutionMode.Sequential, Uris(site), Quick with { MaximumBytes = 1000 });

        var result = Assert.Single(results);
        Assert.Equal((FailureKind.TooLarge, 1), (result.Failure, result.Attempts));
        Assert.Contains("1000", result.Error);
        Assert.Empty(FilesIn(Destination));
    }

    [Fact]
    public void An_existing_file_is_skipped_and_replaced_only_when_asked()
    {
        var site = StartSite(new DemoImageServerOptions { Count = 2, Width = 160, Height = 100 });
        Directory.CreateDirectory(Destination);
        string existing = Path.Combine(Destination, "photo-01.jpg");
        File.WriteAllBytes(existing, [1, 2, 3]);
        var uris = Uris(site);
        uris[0] = uris[0][..^".jpg".Length]; // photo-01 still counts as photo-01.jpg

        var (_, first) = Run(ExecutionMode.Sequential, uris, Quick);

        Assert.Equal((DownloadStatus.Skipped, existing, 3L, 0), (first[0].Status, first[0].Path, first[0].Bytes, first[0].Attempts));
        Assert.True(first[0].Success);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(existing));
        Assert.Equal(DownloadStatus.Downloaded, first[1].Status);

        var (_, forced) = Run(ExecutionMode.Sequential, Uris(site), Quick with { Overwrite = true });

        Assert.All(forced, r => Assert.Equal(DownloadStatus.Downloaded, r.Status));
        Assert.Equal(site.GetImageBytes("photo-01.jpg").ToArray(), File.ReadAllBytes(existing));
        Assert.Equal(["photo-01.jpg", "photo-02.jpg"], FilesIn(Destination));
    }

    [Theory]
    [InlineData(ExecutionMode.Sequential)]
    [InlineData(ExecutionMode.Async)]
    public void A_url_without_an_extension_gets_the_one_of_its_content(ExecutionMode mode)
    {
        // The tutorial's URLs look like this; the demo site names every image with its extension.
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
        using var server = new OneResponseServer(png, "application/octet-stream");

        var (_, results) = Run(mode, [server.Uri + "photo-1516117172878-fd2c41f4a759?w=1080"], Quick);

        var result = Assert.Single(results);
        Assert.True(result.Success, result.Error);
        Assert.Equal(Path.Combine(Destination, "photo-1516117172878-fd2c41f4a759.png"), result.Path);
        Assert.Equal(png, File.ReadAllBytes(result.Path));
    }

    [Fact]
    public void Hostile_urls_never_write_outside_the_destination()
    {
        var site = StartSite(new DemoImageServerOptions { Count = 1, Width = 160, Height = 100 });
        string[] hostile =
        [
            new Uri(site.BaseUri, "images/..%2F..%2Fescape.jpg").AbsoluteUri,
            new Uri(site.BaseUri, "images/%2E%2E").AbsoluteUri,
            new Uri(site.BaseUri, "images/CON").AbsoluteUri,
            new Uri(site.BaseUri, "images/" + new string('a', 300)).AbsoluteUri,
            site.BaseUri.AbsoluteUri + "images/photo-01.jpg?x=/../../escape",
        ];
        var plan = DownloadPlan.Create(hostile, Destination, Quick);

        Assert.All(plan.Items, item => Assert.Equal(Destination, Path.GetDirectoryName(item.Path)));

        Run(ExecutionMode.Async, hostile, Quick);

        Assert.Equal(["images"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
        Assert.Equal(["photo-01.jpg"], FilesIn(Destination));
    }

    /// <summary>
    /// Ctrl+C while every item is mid-body: the run stops, and once the front end has disposed the workload (as
    /// both do) no temporary file is left, and every file that is there is whole. In Process mode the workers are
    /// killed, so their temporary files are the ones the parent removes.
    /// </summary>
    [Theory]
    [MemberData(nameof(Modes))]
    public void Cancelling_mid_batch_leaves_only_whole_files(ExecutionMode mode)
    {
        var site = StartSite(new DemoImageServerOptions { Count = 4, Width = 640, Height = 480, BytesPerSecond = 20_000 });
        var workload = new DownloadWorkload(DownloadPlan.Create(Uris(site), Destination, Quick));
        Directory.CreateDirectory(Destination);
        using var cancellation = new CancellationTokenSource();
        var watcher = Task.Run(() =>
        {
            // Stopped as soon as a download is writing its temporary file.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!Directory.EnumerateFiles(Destination, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }).Any() && DateTime.UtcNow < deadline)
                Thread.Sleep(20);
            cancellation.Cancel();
        });
        var sink = new RecordingSink();

        Assert.ThrowsAny<OperationCanceledException>(() => BatchRunner.Run(Request(mode, workload, 4), sink, cancellation.Token));
        watcher.Wait();
        workload.Dispose();

        Assert.All(FilesIn(Destination), name =>
        {
            Assert.False(name.StartsWith('.') || name.EndsWith(".tmp"), $"{name} was left behind");
            Assert.Equal(site.GetImageBytes(name).ToArray(), File.ReadAllBytes(Path.Combine(Destination, name)));
        });
        Assert.True(FilesIn(Destination).Length < 4, "the batch finished before it was cancelled");
        Assert.All(sink.WorkersStarted, w => Assert.False(ProcessProbe.IsAlive(w.ProcessId), $"worker {w.ProcessId} outlived the run"));
    }

    private DemoImageServer StartSite(DemoImageServerOptions options)
    {
        var site = DemoImageServer.Start(options);
        _owned.Add(site);
        return site;
    }

    private static List<string> Uris(DemoImageServer site) => site.ImageUris.Select(u => u.AbsoluteUri).ToList();

    /// <summary>Every entry of the folder, hidden ones included, by name; none when it does not exist.</summary>
    private static string[] FilesIn(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFileSystemEntries(folder, "*", new EnumerationOptions { AttributesToSkip = 0 }).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray()
            : [];

    private (RunSummary Summary, List<DownloadResult> Results) Run(ExecutionMode mode, IReadOnlyList<string> uris, DownloadSettings settings,
        int throttleLimit = 0, bool ordered = false)
    {
        using var workload = new DownloadWorkload(DownloadPlan.Create(uris, Destination, settings));
        Directory.CreateDirectory(Destination);
        var sink = new RecordingSink();
        var summary = BatchRunner.Run(Request(mode, workload, throttleLimit, ordered), sink).Single();
        return (summary, sink.Results.Cast<DownloadResult>().ToList());
    }

    private static BatchRequest Request(ExecutionMode mode, DownloadWorkload workload, int throttleLimit, bool ordered = false) =>
        TestWorkloads.Sleep(mode, 0, 0, throttleLimit, ordered) with { Workload = workload };
}
