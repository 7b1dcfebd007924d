using System.Net;

namespace ConcurrencyDemo.PhotoSite.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task A_status_answers_the_first_times_requests_of_that_url_with_Retry_After_then_the_image()
    {
        using var server = SmallSite.Start();
        using var client = SmallSite.Client();
        var uri = SmallSite.Image(server, 0, "?status=503&times=2&retryAfter=1");
        for (int attempt = 1; attempt <= 2; attempt++)
        {
            using var refused = await client.GetAsync(uri);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
            Assert.Equal($"503 Service Unavailable (request {attempt} of this URL)\n", await refused.Content.ReadAsStringAsync());
        }
        using var served = await client.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(server.GetImageBytes("photo-01.jpg").ToArray(), await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_counter_is_per_path_and_query_and_without_times_the_status_never_ends()
    {
        using var server = SmallSite.Start();
        using var client = SmallSite.Client();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(SmallSite.Image(server, 0, "?status=429&times=1"))).StatusCode);
        // Another image, or the same with another query, has a counter of its own.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(SmallSite.Image(server, 1, "?status=429&times=1"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(SmallSite.Image(server, 0, "?status=429&times=1&x=2"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SmallSite.Image(server, 0, "?status=429&times=1"))).StatusCode);

        for (int i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(SmallSite.Image(server, 2, "?status=500"));
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Null(response.Headers.RetryAfter);
        }
    }

    [Fact]
    public async Task Drop_sends_the_whole_length_then_some_bytes_then_breaks_the_connection()
    {
        using var server = SmallSite.Start();
        using var client = SmallSite.Client();
        foreach (int drop in new[] { 0, 1000 })
        {
            using var response = await client.GetAsync(SmallSite.Image(server, 0, $"?drop={drop}"), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(server.GetImageBytes("photo-01.jpg").Length, response.Content.Headers.ContentLength);
            var (received, error) = await ReadUntilFailureAsync(await response.Content.ReadAsStreamAsync());
            Assert.Equal(drop, received);
            Assert.IsAssignableFrom<IOException>(error);
        }
    }

    [Fact]
    public async Task Stall_sends_some_bytes_then_nothing_more()
    {
        using var server = SmallSite.Start();
        using var client = SmallSite.Client();
        using var response = await client.GetAsync(SmallSite.Image(server, 1, "?stall=500"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(server.GetImageBytes("photo-02.jpg").Length, response.Content.Headers.ContentLength);
        var body = await response.Content.ReadAsStreamAsync();
        byte[] buffer = new byte[100_000];
        Assert.Equal(500, await body.ReadAtLeastAsync(buffer, 500, throwOnEndOfStream: true));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await body.ReadExactlyAsync(buffer.AsMemory(0, 1), timeout.Token));
    }

    [Fact]
    public async Task Html_answers_200_with_a_web_page_instead_of_the_image()
    {
        using var server = SmallSite.Start();
        using var client = SmallSite.Client();
        using var response = await client.GetAsync(SmallSite.Image(server, 0, "?html=1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        string page = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("photo-01.jpg", page);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(page), response.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData("?drop=x", "drop=x")]
    [InlineData("?status=99", "status=99")]
    [InlineData("?times=-1&status=503", "times=-1")]
    [InlineData("?latencyMs=1e3", "latencyMs=1e3")]
    [InlineData("?html=2", "html=2")]
    [InlineData("?drop=1&stall=1", "drop and stall")]
    public async Task A_malformed_fault_is_a_400_naming_it(string query, string named)
    {
        using var server = SmallSite.Start();
        using var client = SmallSite.Client();
        using var response = await client.GetAsync(SmallSite.Image(server, 0, query));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_query_keys_are_ignored()
    {
        using var server = SmallSite.Start();
        using var client = SmallSite.Client();
        using var response = await client.GetAsync(SmallSite.Image(server, 0, "?w=800&fit=crop"));
        Assert.Equal(server.GetImageBytes("photo-01.jpg").ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>How many bytes arrive before the body breaks, and how it breaks.</summary>
    internal static async Task<(long Received, Exception? Error)> ReadUntilFailureAsync(Stream body)
    {
        byte[] buffer = new byte[16 * 1024];
        long received = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
                received += read;
            return (received, null);
        }
        catch (Exception ex)
        {
            return (received, ex);
        }
    }
}
