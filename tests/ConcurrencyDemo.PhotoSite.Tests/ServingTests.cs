using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ConcurrencyDemo.PhotoSite.Tests;

public sealed class ServingTests
{
    [Fact]
    public async Task Every_image_is_served_with_the_bytes_GetImageBytes_returns()
    {
        using var server = SmallSite.Start(count: 4);
        using var client = SmallSite.Client();
        Assert.Equal(["photo-01.jpg", "photo-02.jpg", "photo-03.jpg", "photo-04.jpg"], server.ImageNames);
        for (int i = 0; i < server.ImageUris.Count; i++)
        {
            Assert.Equal(new Uri(server.BaseUri, $"images/photo-0{i + 1}.jpg"), server.ImageUris[i]);
            using var response = await client.GetAsync(server.ImageUris[i]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            byte[] body = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            Assert.Equal(server.GetImageBytes(server.ImageNames[i]).ToArray(), body);
            Assert.Equal([0xFF, 0xD8], body[..2]);
        }
    }

    [Fact]
    public void The_base_uri_is_loopback_with_the_port_and_generated_photos_are_the_same_every_time()
    {
        using var first = SmallSite.Start(count: 2);
        using var second = SmallSite.Start(count: 2);
        Assert.Equal($"http://127.0.0.1:{first.Port}/", first.BaseUri.AbsoluteUri);
        Assert.NotEqual(first.Port, second.Port);
        Assert.Equal(first.GetImageBytes("photo-02.jpg").ToArray(), second.GetImageBytes("photo-02.jpg").ToArray());
        Assert.NotEqual(first.GetImageBytes("photo-01.jpg").ToArray(), first.GetImageBytes("photo-02.jpg").ToArray());
    }

    [Fact]
    public async Task A_folder_s_images_are_served_sorted_by_name_and_other_files_are_not()
    {
        string folder = Directory.CreateTempSubdirectory("cd-site-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "b photo.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3]);
            File.WriteAllBytes(Path.Combine(folder, "a.JPG"), [0xFF, 0xD8, 0xFF, 9, 9]);
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "not an image");
            Directory.CreateDirectory(Path.Combine(folder, "sub.jpg"));
            using var server = DemoImageServer.Start(new DemoImageServerOptions { FolderPath = folder });
            using var client = SmallSite.Client();

            Assert.Equal(["a.JPG", "b photo.png"], server.ImageNames);
            Assert.Equal(new Uri(server.BaseUri, "images/b%20photo.png").AbsoluteUri, server.ImageUris[1].AbsoluteUri);
            using var response = await client.GetAsync(server.ImageUris[1]);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "b photo.png")), await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(server.BaseUri, "images/notes.txt"))).StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task HEAD_sends_the_headers_and_the_length_without_a_body()
    {
        using var server = SmallSite.Start();
        using var client = SmallSite.Client();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, server.ImageUris[0]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(server.GetImageBytes("photo-01.jpg").Length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("images/photo-99.jpg")]
    [InlineData("images/")]
    [InlineData("photo-01.jpg")]
    [InlineData("images/..%2Fphoto-01.jpg")]
    [InlineData("favicon.ico")]
    public async Task Unknown_paths_answer_404(string path)
    {
        using var server = SmallSite.Start();
        using var client = SmallSite.Client();
        using var response = await client.GetAsync(new Uri(server.BaseUri, path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("404 Not Found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_root_is_an_index_linking_every_image()
    {
        using var server = SmallSite.Start(count: 3);
        using var client = SmallSite.Client();
        using var response = await client.GetAsync(server.BaseUri);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        string html = await response.Content.ReadAsStringAsync();
        foreach (var uri in server.ImageUris)
            Assert.Contains($"<a href=\"{uri.AbsoluteUri}\">", html);
    }

    [Fact]
    public async Task Another_method_than_GET_or_HEAD_is_refused_with_405_and_Allow()
    {
        using var server = SmallSite.Start();
        using var client = SmallSite.Client();
        using var response = await client.PostAsync(server.ImageUris[0], new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Requests_on_one_connection_are_answered_one_after_another_with_Content_Length()
    {
        using var server = SmallSite.Start(count: 2);
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = socket.GetStream();
        var reader = new RawHttpReader(stream);
        // The second request goes on the same connection: it must stay open after the first answer.
        foreach (string name in new[] { "photo-01.jpg", "photo-02.jpg" })
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /images/{name} HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\n\r\n"));
            var (status, headers, body) = await reader.ReadResponseAsync();
            Assert.Equal(200, status);
            Assert.DoesNotContain(headers, header => header.Equals("Connection: close", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(server.GetImageBytes(name).ToArray(), body);
        }
        Assert.Equal(2, server.RequestCount);
    }
}
