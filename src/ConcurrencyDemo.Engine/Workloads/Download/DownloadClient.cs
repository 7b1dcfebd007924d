using System.Net;
using System.Reflection;

namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>
/// The one HttpClient of a batch (and of each worker process): its connections are kept alive and shared by
/// every item, as a browser or <c>requests.Session</c> would, and there may be as many per server as items
/// run at once, so the throttle limit, not the client, decides how many downloads overlap.
/// </summary>
internal static class DownloadClient
{
    /// <param name="connect">Opens a connection instead of a socket to the server (<see cref="DownloadWarmUp"/>).</param>
    public static HttpClient Create(DownloadSettings settings, int maxConnectionsPerServer,
        Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>>? connect = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, maxConnectionsPerServer),
            ConnectTimeout = DownloadSettings.Timeout(settings.ConnectionTimeoutSeconds),
            // The bytes as served: a compressed transfer would not match the Content-Length we check.
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            // A body we stop reading (an error page, a timeout, Ctrl+C) closes its connection at once rather
            // than being drained on another thread while a blocked read still waits on it.
            MaxResponseDrainSize = 0,
        };
        if (connect is not null) handler.ConnectCallback = connect;
        var client = new HttpClient(handler, disposeHandler: true)
        {
            // Our own timeouts apply: one for the headers, one for each read of the body.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"ConcurrencyDemo/{Version}");
        client.DefaultRequestHeaders.Accept.ParseAdd("image/*");
        client.DefaultRequestHeaders.Accept.ParseAdd("*/*;q=0.5");
        return client;
    }

    private static string Version =>
        typeof(DownloadClient).Assembly.GetName().Version is { } version ? $"{version.Major}.{version.Minor}.{version.Build}" : "0";
}
