namespace ConcurrencyDemo.PhotoSite;

/// <summary>
/// What the demo photo site serves and how slowly. Either the images of <see cref="FolderPath"/>, or
/// <see cref="Count"/> generated photo-like JPEGs of <see cref="Width"/> × <see cref="Height"/> pixels.
/// <see cref="DemoImageServer.Start"/> checks every value and names the one it refuses.
/// </summary>
public sealed record DemoImageServerOptions
{
    /// <summary>The most generated photos one server makes (each is held in memory).</summary>
    public const int MaxCount = 1000;

    /// <summary>The widest and tallest generated photo.</summary>
    public const int MaxDimension = 8192;

    /// <summary>The longest latency: a demo site that waits longer looks hung rather than slow.</summary>
    public static readonly TimeSpan MaxLatency = TimeSpan.FromMinutes(10);

    /// <summary>Serve the images of this folder (jpg, jpeg, png, gif, webp; not its subfolders), sorted by name.</summary>
    public string? FolderPath { get; init; }

    /// <summary>Without <see cref="FolderPath"/>: how many photos to generate.</summary>
    public int Count { get; init; } = 15;

    /// <summary>Width of the generated photos, in pixels.</summary>
    public int Width { get; init; } = 1600;

    /// <summary>Height of the generated photos, in pixels.</summary>
    public int Height { get; init; } = 1067;

    /// <summary>How long each response waits before its first byte (a request's ?latencyMs= overrides it).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The most body bytes per second on one connection; 0 = unlimited.</summary>
    public long BytesPerSecond { get; init; }

    /// <summary>The port on 127.0.0.1; 0 = a free one.</summary>
    public int Port { get; init; }
}
