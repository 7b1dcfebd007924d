using ConcurrencyDemo.Tests.Common;
using System.Diagnostics;
using System.Net.Sockets;

namespace ConcurrencyDemo.PhotoSite.Tests;

public sealed class LifetimeTests
{
    [Fact]
    public async Task Stop_frees_the_port_even_with_a_connection_kept_alive()
    {
        var server = SmallSite.Start();
        int port = server.Port;
        using var client = SmallSite.Client();
        await client.GetByteArrayAsync(server.ImageUris[0]);
        Assert.False(TcpPorts.IsFree(port));

        server.Stop();
        Assert.False(server.IsRunning);
        Assert.True(TcpPorts.IsFree(port), $"Port {port} is still taken after Stop.");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetByteArrayAsync(server.ImageUris[0]));
        server.Stop(); // again: nothing happens
        server.Dispose();
    }

    [Fact]
    public async Task Stop_aborts_a_stalled_body_and_a_slow_one_at_once()
    {
        var server = SmallSite.Start(count: 2, width: 480, height: 320, bytesPerSecond: 1000);
        using var client = SmallSite.Client();
        using var stalled = await client.GetAsync(SmallSite.Image(server, 0, "?stall=10"), HttpCompletionOption.ResponseHeadersRead);
        using var slow = await client.GetAsync(server.ImageUris[1], HttpCompletionOption.ResponseHeadersRead);
        var stalledRead = FaultTests.ReadUntilFailureAsync(await stalled.Content.ReadAsStreamAsync());
        var slowRead = FaultTests.ReadUntilFailureAsync(await slow.Content.ReadAsStreamAsync());
        await Task.Delay(300);
        Assert.False(stalledRead.IsCompleted);

        var clock = Stopwatch.StartNew();
        server.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"Stop took {clock.Elapsed.TotalSeconds:F2} s.");
        var both = Task.WhenAll(stalledRead, slowRead);
        Assert.Same(both, await Task.WhenAny(both, Task.Delay(TimeSpan.FromSeconds(5))));
        Assert.NotNull((await stalledRead).Error);
        Assert.NotNull((await slowRead).Error);
        Assert.True(TcpPorts.IsFree(server.Port));
    }

    [Fact]
    public async Task Stop_during_the_latency_answers_503_and_closes_the_connection()
    {
        await using var server = SmallSite.Start(latency: TimeSpan.FromMinutes(5));
        using var client = SmallSite.Client();
        var request = client.GetAsync(server.ImageUris[0]);
        await Task.Delay(300);
        var clock = Stopwatch.StartNew();
        server.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"Stop took {clock.Elapsed.TotalSeconds:F2} s.");
        // Aborted, not answered: an empty 200 would look like a photo of no bytes.
        // A whole answer saying the site is going away, not an empty 200 that would look like a photo of no bytes.
        using var response = await request;
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.ConnectionClose);
        Assert.Equal("503 Service Unavailable: the demo photo site is stopping.\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RequestCount_counts_every_request_whatever_its_answer()
    {
        using var server = SmallSite.Start();
        using var client = SmallSite.Client();
        Assert.Equal(0, server.RequestCount);
        await client.GetByteArrayAsync(server.ImageUris[0]);
        await client.GetAsync(new Uri(server.BaseUri, "nothing"));
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, server.ImageUris[1]));
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public void A_given_free_port_is_used_and_a_taken_one_is_refused_by_name()
    {
        var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        int port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        try
        {
            var error = Assert.Throws<InvalidServerOptionException>(() => DemoImageServer.Start(new DemoImageServerOptions { Count = 1, Width = 8, Height = 8, Port = port }));
            Assert.Equal("Port", error.Option);
            Assert.Contains($"127.0.0.1:{port}", error.Message);
        }
        finally
        {
            probe.Stop();
        }
        using var server = DemoImageServer.Start(new DemoImageServerOptions { Count = 1, Width = 8, Height = 8, Port = port });
        Assert.Equal(port, server.Port);
        Assert.Equal($"http://127.0.0.1:{port}/", server.BaseUri.AbsoluteUri);
    }
}
