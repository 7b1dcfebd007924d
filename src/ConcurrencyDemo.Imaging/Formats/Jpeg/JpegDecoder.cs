using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg;

/// <summary>Decodes baseline and progressive Huffman JPEGs to Gray8 (one component) or Rgb24.</summary>
public static class JpegDecoder
{
    public static ImageBuffer Decode(ReadOnlySpan<byte> data, DecodeOptions? options = null) =>
        throw new NotImplementedException("JPEG decoding arrives with the decoder branch.");
}
