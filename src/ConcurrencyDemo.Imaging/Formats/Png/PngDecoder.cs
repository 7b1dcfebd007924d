using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>Decodes every PNG colour type and bit depth to Gray8, Rgb24 or Rgba32 (16-bit samples reduced to 8).</summary>
public static class PngDecoder
{
    public static ImageBuffer Decode(ReadOnlySpan<byte> data, DecodeOptions? options = null) =>
        throw new NotImplementedException("PNG decoding arrives with the PNG branch.");
}
