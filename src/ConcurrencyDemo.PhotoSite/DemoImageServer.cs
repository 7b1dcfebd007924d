using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ConcurrencyDemo.PhotoSite;

/// <summary>
/// A photo site on 127.0.0.1 that behaves like a slow one: HTTP/1.1 with keep-alive on the BCL's
/// <see cref="HttpListener"/>, a latency before each response's first byte, a bandwidth cap per connection, and
/// faults asked for in an image URL's query string (see <see cref="RequestFaults"/>). Only loopback: the demo and
/// the tests never talk to another machine.
/// </summary>
public sealed class DemoImageServer : IDisposable, IAsyncDisposable
{
    /// <summary>How long <see cref="Stop"/> waits for the handlers of aborted responses to finish.</summary>
    private static readonly TimeSpan HandlerDrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long <see cref="Stop"/> lets the handlers end their own responses before it aborts what is left.</summary>
    private static readonly TimeSpan HandlerReactionTimeout = TimeSpan.FromSeconds(1);

    /// <summary>A stalled body is abandoned after this long even when nobody stops the server, so no handler waits forever.</summary>
    internal static readonly TimeSpan LongestStall = TimeSpan.FromMinutes(10);

    private const int FreePortAttempts = 20;

    private readonly HttpListener _listener;
    private readonly ImageCatalog _catalog;
    private readonly SiteRoutes _routes;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<HttpListenerContext, byte> _inFlight = new();
    private readonly Task _acceptLoop;
    private long _requestCount;
    private int _stopped;

    private DemoImageServer(DemoImageServerOptions options, ImageCatalog catalog, HttpListener listener, int port)
    {
        Options = options;
        _catalog = catalog;
        _listener = listener;
        Port = port;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        ImageUris = catalog.Images.Select(UriOf).ToArray();
        _routes = new SiteRoutes(catalog, options.Latency, UriOf);
        StartTime = DateTimeOffset.Now;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Checks the options, reads or makes the images, and starts listening.</summary>
    /// <exception cref="InvalidServerOptionException">An option cannot be used (the message says why; <c>Option</c> names it).</exception>
    public static DemoImageServer Start(DemoImageServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var catalog = options.FolderPath is not null
            ? ImageCatalog.FromFolder(options.FolderPath)
            : ImageCatalog.Generated(options.Count, options.Width, options.Height);
        var (listener, port) = Listen(options.Port);
        return new DemoImageServer(options, catalog, listener, port);
    }

    public DemoImageServerOptions Options { get; }

    /// <summary>http://127.0.0.1:&lt;port&gt;/</summary>
    public Uri BaseUri { get; }

    /// <summary>Every image's URL, BaseUri + "images/&lt;name&gt;", in the order of the images.</summary>
    public IReadOnlyList<Uri> ImageUris { get; }

    /// <summary>The images' names, in the same order as <see cref="ImageUris"/>.</summary>
    public IReadOnlyList<string> ImageNames => _catalog.Images.Select(image => image.Name).ToArray();

    public int Port { get; }

    public DateTimeOffset StartTime { get; }

    /// <summary>Requests received so far, whatever their answer.</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    public bool IsRunning => Volatile.Read(ref _stopped) == 0;

    /// <summary>The exact bytes served for an image name (photo-01.jpg, or a file name of the folder).</summary>
    /// <exception cref="KeyNotFoundException">The server has no image of that name.</exception>
    public ReadOnlyMemory<byte> GetImageBytes(string name) =>
        _catalog.Find(name)?.Bytes ?? throw new KeyNotFoundException($"The demo photo site has no image named '{name}'.");

    /// <summary>
    /// Stops listening, ends the responses under way (one still in its latency gets a 503, a body being sent is
    /// cut off, a stalled one too) and frees the port. Calling it again does nothing.
    /// </summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        _stopping.Cancel();
        // Each handler ends its own response when it sees the cancellation. HttpListener's Abort cannot do that
        // for a response whose headers are not sent yet: it would end it as an empty 200.
        WaitForHandlers(HandlerReactionTimeout);
        // What is left is stuck writing to a client that does not read: its headers are out, so Abort cuts it off.
        foreach (var context in _inFlight.Keys)
            AbortQuietly(context.Response);
        // Close rather than Stop: it also closes the connections kept alive between requests.
        _listener.Close();
        try { _acceptLoop.Wait(HandlerDrainTimeout); } catch (AggregateException) { }
        WaitForHandlers(HandlerDrainTimeout);
    }

    private void WaitForHandlers(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_inFlight.IsEmpty && DateTime.UtcNow < deadline)
            Thread.Sleep(5);
    }

    public void Dispose() => Stop();

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => BaseUri.AbsoluteUri;

    private Uri UriOf(ServedImage image) => new(BaseUri, SiteRoutes.ImagesPath.TrimStart('/') + Uri.EscapeDataString(image.Name));

    private static void Validate(DemoImageServerOptions options)
    {
        if (options.FolderPath is not null && string.IsNullOrWhiteSpace(options.FolderPath))
            throw new InvalidServerOptionException(nameof(options.FolderPath), "The folder path is empty.");
        if (options.FolderPath is null)
        {
            if (options.Count is < 1 or > DemoImageServerOptions.MaxCount)
                throw new InvalidServerOptionException(nameof(options.Count), $"{options.Count} is not a number of photos from 1 to {DemoImageServerOptions.MaxCount}.");
            if (options.Width is < 1 or > DemoImageServerOptions.MaxDimension)
                throw new InvalidServerOptionException(nameof(options.Width), $"{options.Width} is not a width from 1 to {DemoImageServerOptions.MaxDimension} pixels.");
            if (options.Height is < 1 or > DemoImageServerOptions.MaxDimension)
                throw new InvalidServerOptionException(nameof(options.Height), $"{options.Height} is not a height from 1 to {DemoImageServerOptions.MaxDimension} pixels.");
        }
        if (options.Latency < TimeSpan.Zero || options.Latency > DemoImageServerOptions.MaxLatency)
            throw new InvalidServerOptionException(nameof(options.Latency), $"{options.Latency.TotalMilliseconds} ms is not a latency from 0 to {DemoImageServerOptions.MaxLatency.TotalMilliseconds} ms.");
        if (options.BytesPerSecond < 0)
            throw new InvalidServerOptionException(nameof(options.BytesPerSecond), $"{options.BytesPerSecond} is not a number of bytes per second: it must be 0 (unlimited) or more.");
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
            throw new InvalidServerOptionException(nameof(options.Port), $"{options.Port} is not a port from 0 (any free one) to {IPEndPoint.MaxPort}.");
    }

    /// <summary>
    /// HttpListener cannot be asked for "any free port", so a free one is found by binding a socket to port 0;
    /// another program may take it in between, hence the few attempts.
    /// </summary>
    private static (HttpListener Listener, int Port) Listen(int port)
    {
        for (int attempt = 1; ; attempt++)
        {
            int candidate = port != 0 ? port : FreePort();
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add($"http://127.0.0.1:{candidate}/");
            try
            {
                listener.Start();
                return (listener, candidate);
            }
            catch (HttpListenerException ex)
            {
                listener.Close();
                if (port == 0 && attempt < FreePortAttempts) continue;
                throw new InvalidServerOptionException(nameof(DemoImageServerOptions.Port),
                    port != 0 ? $"Cannot listen on 127.0.0.1:{port}: {ex.Message}" : $"Found no free port on 127.0.0.1 in {attempt} attempts: {ex.Message}", ex)
                    { IsUnavailable = true };
            }
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try { return ((IPEndPoint)probe.LocalEndpoint).Port; }
        finally { probe.Stop(); }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                if (_stopping.IsCancellationRequested) return;
                continue; // a client that sent garbage or went away before its request was read
            }
            Interlocked.Increment(ref _requestCount);
            _inFlight[context] = 0;
            _ = RespondAsync(context);
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var request = context.Request;
            var reply = _routes.Route(request.HttpMethod, request.Url?.AbsolutePath ?? "/", request.QueryString, request.RawUrl ?? "/");
            try
            {
                _stopping.Token.ThrowIfCancellationRequested();
                if (reply.Latency > TimeSpan.Zero)
                    await Task.Delay(reply.Latency, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                RefuseQuietly(response);
                return;
            }
            await SendAsync(response, reply, head: request.HttpMethod == "HEAD", _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The server is stopping, or the client went away: the connection is of no more use.
            AbortQuietly(response);
        }
        finally
        {
            _inFlight.TryRemove(context, out _);
        }
    }

    /// <summary>Sends the headers at once, then the body at the connection's pace, and ends it as the reply says.</summary>
    private async Task SendAsync(HttpListenerResponse response, Reply reply, bool head, CancellationToken stopping)
    {
        response.StatusCode = reply.StatusCode;
        response.ContentType = reply.ContentType;
        response.ContentLength64 = reply.Body.Length;
        response.KeepAlive = true;
        foreach (var (name, value) in reply.Headers)
            response.AddHeader(name, value);
        if (head)
        {
            response.Close();
            return;
        }

        var output = response.OutputStream;
        var sent = reply.SentBody;
        await BandwidthCap.WriteAsync(output, sent, Options.BytesPerSecond, stopping).ConfigureAwait(false);
        switch (reply.Ending)
        {
            case BodyEnding.Complete:
                response.Close();
                break;
            case BodyEnding.Drop:
                await SendHeadersAsync(output, sent.Length).ConfigureAwait(false);
                response.Abort();
                break;
            case BodyEnding.Stall:
                await SendHeadersAsync(output, sent.Length).ConfigureAwait(false);
                // Nothing more until the server stops; then the cancellation aborts the connection.
                await Task.Delay(LongestStall, stopping).ConfigureAwait(false);
                response.Abort();
                break;
        }
    }

    /// <summary>
    /// A cut-off body still begins with the headers: with no body byte written yet, HttpListener has sent
    /// nothing, so an empty write makes it send them.
    /// </summary>
    private static async Task SendHeadersAsync(Stream output, int bytesWritten)
    {
        if (bytesWritten == 0)
            await output.WriteAsync(ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>A response not begun when the server stops: a whole 503 that closes the connection, as a site going down sends.</summary>
    private static void RefuseQuietly(HttpListenerResponse response)
    {
        try
        {
            byte[] body = SitePages.Text("503 Service Unavailable: the demo photo site is stopping.");
            response.StatusCode = 503;
            response.ContentType = SitePages.TextType;
            response.ContentLength64 = body.Length;
            response.KeepAlive = false;
            response.Close(body, willBlock: false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or HttpListenerException or IOException)
        {
            AbortQuietly(response);
        }
    }

    private static void AbortQuietly(HttpListenerResponse response)
    {
        try { response.Abort(); }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or HttpListenerException or IOException) { }
    }
}
