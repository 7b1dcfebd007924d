using System.Diagnostics;

namespace ConcurrencyDemo.PhotoSite.Tests;

/// <summary>Latency and bandwidth, with wide margins: the machine is shared, so only "at least" and "overlap" are asserted tightly.</summary>
public sealed class PacingTests
{
    [Fact]
    public async Task Each_response_waits_the_latency_before_its_first_byte_and_a_query_can_change_it()
    {
        using var server = SmallSite.Start(latency: TimeSpan.FromMilliseconds(400));
        using var client = SmallSite.Client();
        var clock = Stopwatch.StartNew();
        using (var response = await client.GetAsync(server.ImageUris[0], HttpCompletionOption.ResponseHeadersRead))
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(350), $"The headers came after {clock.ElapsedMilliseconds} ms, before the 400 ms latency.");

        clock.Restart();
        using (var response = await client.GetAsync(SmallSite.Image(server, 0, "?latencyMs=1200"), HttpCompletionOption.ResponseHeadersRead))
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(1100), $"The headers came after {clock.ElapsedMilliseconds} ms, before the 1200 ms latency.");

        // A 404 is as slow as the site.
        clock.Restart();
        using (var response = await client.GetAsync(new Uri(server.BaseUri, "missing")))
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(350), $"The 404 came after {clock.ElapsedMilliseconds} ms.");
    }

    [Fact]
    public async Task Requests_at_the_same_time_wait_their_latency_together()
    {
        using var server = SmallSite.Start(count: 8, latency: TimeSpan.FromMilliseconds(600));
        using var client = SmallSite.Client();
        var clock = Stopwatch.StartNew();
        byte[][] bodies = await Task.WhenAll(server.ImageUris.Select(uri => client.GetByteArrayAsync(uri)));
        // One after another would take 8 × 0.6 = 4.8 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.4), $"8 requests with 0.6 s latency took {clock.Elapsed.TotalSeconds:F2} s: they did not overlap.");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(550));
        for (int i = 0; i < bodies.Length; i++)
            Assert.Equal(server.GetImageBytes(server.ImageNames[i]).ToArray(), bodies[i]);
    }

    [Fact]
    public async Task A_connection_gets_no_more_than_its_bandwidth_and_two_connections_get_it_each()
    {
        // Photos of a few tens of kilobytes at 40 kB/s: about a second each.
        using var server = SmallSite.Start(count: 2, width: 480, height: 320, bytesPerSecond: 40_000);
        int length = server.GetImageBytes("photo-01.jpg").Length;
        Assert.InRange(length, 20_000, 120_000);
        TimeSpan expected = TimeSpan.FromSeconds(length / 40_000.0);
        using var client = SmallSite.Client();

        var clock = Stopwatch.StartNew();
        await client.GetByteArrayAsync(server.ImageUris[0]);
        TimeSpan alone = clock.Elapsed;
        Assert.True(alone >= expected * 0.85, $"{length} bytes at 40000 B/s came in {alone.TotalSeconds:F2} s, faster than {expected.TotalSeconds:F2} s.");

        clock.Restart();
        var ends = new TimeSpan[2];
        await Task.WhenAll(server.ImageUris.Select(async (uri, i) =>
        {
            await client.GetByteArrayAsync(uri);
            ends[i] = clock.Elapsed;
        }));
        // Two connections share no cap: they end together, where one after another the second would end a whole
        // transfer after the first. Compared with each other, not with a wall-clock limit: a busy test machine
        // delays both (two transfers once took 1.66 s against 0.78 s alone, ending together).
        TimeSpan apart = (ends[0] - ends[1]).Duration();
        Assert.True(apart < alone * 0.5, $"Two downloads on two connections ended {apart.TotalSeconds:F2} s apart (at {ends[0].TotalSeconds:F2} s and {ends[1].TotalSeconds:F2} s); one alone took {alone.TotalSeconds:F2} s.");
    }

    [Fact]
    public async Task Without_a_cap_a_body_is_sent_at_once()
    {
        using var server = SmallSite.Start(count: 1, width: 480, height: 320);
        using var client = SmallSite.Client();
        var clock = Stopwatch.StartNew();
        await client.GetByteArrayAsync(server.ImageUris[0]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"An uncapped small photo took {clock.Elapsed.TotalSeconds:F2} s.");
    }
}
