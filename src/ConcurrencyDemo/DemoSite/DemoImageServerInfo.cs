using ConcurrencyDemo.PhotoSite;

namespace ConcurrencyDemo.DemoSite;

/// <summary>
/// What Start-DemoImageServer and Get-DemoImageServer write: one running demo photo site, flat for Format-List
/// and Export-Csv (seconds and bytes). Its <see cref="Uri"/> is every image URL, so piping it to a cmdlet with a
/// -Uri parameter that takes input by property name (Get-ImageBatch) gives that cmdlet the whole batch, and its
/// <see cref="Port"/> binds to Stop-DemoImageServer.
/// </summary>
public sealed class DemoImageServerInfo
{
    internal DemoImageServerInfo(DemoImageServer server, string source)
    {
        Server = server;
        Source = source;
    }

    internal DemoImageServer Server { get; }

    public int Port => Server.Port;

    public string BaseUri => Server.BaseUri.AbsoluteUri;

    /// <summary>How many images the site serves.</summary>
    public int Count => Server.ImageUris.Count;

    /// <summary>The folder the images come from, or "Generated WxH" for generated photos.</summary>
    public string Source { get; }

    public double LatencySeconds => Server.Options.Latency.TotalSeconds;

    /// <summary>The most body bytes per second on one connection; 0 = unlimited.</summary>
    public long BytesPerSecond => Server.Options.BytesPerSecond;

    /// <summary>Requests answered so far (read when shown, so it grows while the site is used).</summary>
    public long RequestCount => Server.RequestCount;

    public bool Running => Server.IsRunning;

    public DateTime StartTime => Server.StartTime.LocalDateTime;

    /// <summary>Every image's URL, in the order the images are served.</summary>
    public string[] Uri => Server.ImageUris.Select(uri => uri.AbsoluteUri).ToArray();

    public override string ToString() => BaseUri;
}
