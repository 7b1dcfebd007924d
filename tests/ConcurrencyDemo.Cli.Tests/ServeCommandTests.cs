using ConcurrencyDemo.Tests.Common;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ConcurrencyDemo.PhotoSite;

namespace ConcurrencyDemo.Cli.Tests;

/// <summary>
/// <c>concurrency-demo serve</c> as a user runs it: a separate process that prints its URLs, serves until a
/// signal, exits 0 and frees its port; and the command lines it refuses.
/// </summary>
public sealed partial class ServeCommandTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Stopping must not wait for a stalled download; a few seconds covers a busy machine.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private static readonly string[] SmallPhotos = ["--count", "3", "--width", "160", "--height", "120"];

    [UnixFact]
    public async Task Serves_the_generated_photos_until_SIGINT_then_exits_0_and_frees_the_port()
    {
        using var cli = RunningCli.Start(["serve", .. SmallPhotos, "--latency-ms", "50", "--bytes-per-second", "1000000"]);
        Uri baseUri = WaitForBaseUri(cli);
        // The same photos an in-process site makes with the same options: generated photos are deterministic.
        using var reference = DemoImageServer.Start(new DemoImageServerOptions { Count = 3, Width = 160, Height = 120 });
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        foreach (string name in reference.ImageNames)
            Assert.Equal(reference.GetImageBytes(name).ToArray(), await client.GetByteArrayAsync(new Uri(baseUri, "images/" + name)));
        Assert.Contains("(latency 50 ms, 1000000 bytes/s per connection)", cli.StderrSeen[^1]);

        cli.Signal(RunningCli.SIGINT);

        Assert.Equal(0, cli.WaitForExit(StopTimeout));
        Assert.Equal(reference.ImageNames.Select(name => new Uri(baseUri, "images/" + name).AbsoluteUri), cli.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"Stopped after 3 requests; port {baseUri.Port} is free.", cli.StderrSeen);
        Assert.True(TcpPorts.IsFree(baseUri.Port), $"Port {baseUri.Port} is still taken after serve exited.");
    }

    [UnixFact]
    public async Task SIGTERM_cuts_a_stalled_download_off_and_exits_0()
    {
        using var cli = RunningCli.Start(["serve", .. SmallPhotos]);
        Uri baseUri = WaitForBaseUri(cli);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.GetAsync(new Uri(baseUri, "images/photo-01.jpg?stall=100"), HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();
        var rest = body.CopyToAsync(Stream.Null);

        cli.Signal(RunningCli.SIGTERM);

        Assert.Equal(0, cli.WaitForExit(StopTimeout));
        await Assert.ThrowsAnyAsync<Exception>(() => rest.WaitAsync(StopTimeout));
        Assert.True(TcpPorts.IsFree(baseUri.Port));
    }

    [UnixFact]
    public async Task Serves_a_folder_s_images_under_their_names()
    {
        string folder = Directory.CreateTempSubdirectory("cd-serve-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "b.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
            File.WriteAllBytes(Path.Combine(folder, "a.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
            using var cli = RunningCli.Start("serve", "--path", folder);
            Uri baseUri = WaitForBaseUri(cli);
            using var client = new HttpClient();
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "b.png")), await client.GetByteArrayAsync(new Uri(baseUri, "images/b.png")));

            cli.Signal(RunningCli.SIGINT);

            Assert.Equal(0, cli.WaitForExit(StopTimeout));
            Assert.Equal([$"{baseUri}images/a.jpg", $"{baseUri}images/b.png"], cli.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(2, "--count makes photos, so it cannot be used with --path.", "--path", ".", "--count", "3")]
    [InlineData(2, "--count: 0 is not a number of photos from 1 to 1000.", "--count", "0")]
    [InlineData(2, "--path: needs a folder name.", "--path", "")]
    [InlineData(2, "--width: 9000 is not a width from 1 to 8192 pixels.", "--width", "9000")]
    [InlineData(2, "--latency-ms: 'soon' is not a whole number.", "--latency-ms", "soon")]
    [InlineData(2, "--bytes-per-second: -1 is not a number of bytes per second: it must be 0 (unlimited) or more.", "--bytes-per-second", "-1")]
    [InlineData(2, "--port: 70000 is not a port from 0 (any free one) to 65535.", "--port", "70000")]
    public void A_bad_command_line_is_one_line_naming_the_option(int exitCode, string problem, params string[] options)
    {
        var run = CliProgram.Run(["serve", .. options]);
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal([$"concurrency-demo serve: {problem}"], run.StderrLines);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void A_missing_folder_and_a_taken_port_cannot_run()
    {
        string missing = Path.Combine(Path.GetTempPath(), "cd-serve-missing-" + Guid.NewGuid().ToString("N"));
        var run = CliProgram.Run("serve", "--path", missing);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"concurrency-demo serve: --path: The folder '{missing}' does not exist."], run.StderrLines);

        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            int port = ((IPEndPoint)taken.LocalEndpoint).Port;
            run = CliProgram.Run("serve", "--count", "1", "--width", "8", "--height", "8", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith($"concurrency-demo serve: --port: Cannot listen on 127.0.0.1:{port}: ", Assert.Single(run.StderrLines));
            Assert.Empty(run.Stdout);
        }
        finally
        {
            taken.Stop();
        }
    }

    private static Uri WaitForBaseUri(RunningCli cli)
    {
        cli.WaitForStderr(lines => lines.Any(line => ServingLine().IsMatch(line)), StartTimeout);
        return new Uri(ServingLine().Match(cli.StderrSeen.Single(line => ServingLine().IsMatch(line))).Groups[1].Value);
    }


    [GeneratedRegex(@"^Serving \d+ images at (http://127\.0\.0\.1:\d+/) \(")]
    private static partial Regex ServingLine();
}
