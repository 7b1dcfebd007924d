namespace ConcurrencyDemo.Imaging;

public sealed record DecodeOptions
{
    /// <summary>Pillow's decompression-bomb limit: refuse images with more pixels than this before allocating them.</summary>
    public const long DefaultMaxPixels = 178_956_970;

    public static DecodeOptions Default { get; } = new();

    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>
    /// Decode a JPEG whose image data is cut off, leaving the missing part as libjpeg does, instead of
    /// failing (Pillow's <c>LOAD_TRUNCATED_IMAGES</c>). Off by default.
    /// </summary>
    public bool AllowTruncated { get; init; }

    /// <summary>
    /// The most scans a progressive or multi-scan JPEG may have (real files have ten or so, a few dozen at most):
    /// the decoder holds every scan's place until it decodes them together, so a crafted file of thousands of
    /// empty scans must not make it hold thousands.
    /// </summary>
    public int MaxScans { get; init; } = DefaultMaxScans;

    public const int DefaultMaxScans = 1000;
}
