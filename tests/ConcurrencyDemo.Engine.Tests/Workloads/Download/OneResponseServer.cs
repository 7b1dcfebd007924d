using System.Net;

namespace ConcurrencyDemo.Engine.Tests;

/// <summary>
/// The same body for every path, on a free loopback port: for URLs the demo photo site does not serve, such as
/// the tutorial's, whose last segment has no extension.
/// </summary>
internal sealed class OneResponseServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _serving;

    public OneResponseServer(byte[] body, string contentType)
    {
        (_listener, Uri) = Listen();
        _serving = Task.Run(async () =>
        {
            while (true)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                context.Response.ContentType = contentType;
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public string Uri { get; }

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private static (HttpListener, string) Listen()
    {
        for (int attempt = 0; ; attempt++)
        {
            var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            string uri = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(uri);
            try
            {
                listener.Start();
                return (listener, uri);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close(); // taken meanwhile: another port
            }
        }
    }
}
