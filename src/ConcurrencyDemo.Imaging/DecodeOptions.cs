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
}
