using ConcurrencyDemo.Tests.Common;
using System.Net;
using System.Net.Sockets;

namespace ConcurrencyDemo.PhotoSite.Tests;

/// <summary>Servers and clients for the tests: small generated photos, so that starting a server takes milliseconds.</summary>
internal static class SmallSite
{
    public static DemoImageServer Start(int count = 3, TimeSpan latency = default, long bytesPerSecond = 0, int width = 160, int height = 120) =>
        DemoImageServer.Start(new DemoImageServerOptions { Count = count, Width = width, Height = height, Latency = latency, BytesPerSecond = bytesPerSecond });

    /// <summary>A client that never waits long and opens as many connections as a test asks for.</summary>
    public static HttpClient Client(int maxConnections = 16) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

    public static Uri Image(DemoImageServer server, int index, string query = "") =>
        new(server.ImageUris[index].AbsoluteUri + query);

}
