namespace ConcurrencyDemo.Imaging;

public sealed record DecodeOptions
{
    /// <summary>Pillow's decompression-bomb limit: refuse images with more pixels than this before allocating them.</summary>
    public const long DefaultMaxPixels = 178_956_970;

    public static DecodeOptions Default { get; } = new();

    public long MaxPixels { get; init; } = DefaultMaxPixels;
}
