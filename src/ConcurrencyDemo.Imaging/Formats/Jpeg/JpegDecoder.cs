using ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg;

/// <summary>
/// Decodes baseline and progressive Huffman JPEGs (8-bit) to Gray8 (one component) or Rgb24, matching
/// libjpeg-turbo's djpeg defaults (accurate integer IDCT, fancy upsampling). Bad input raises
/// <see cref="InvalidImageException"/>; arithmetic, lossless, hierarchical and 12-bit files raise
/// <see cref="UnsupportedImageException"/>. The EXIF orientation is reported, not applied.
/// </summary>
public static class JpegDecoder
{
    public static ImageBuffer Decode(ReadOnlySpan<byte> data, DecodeOptions? options = null) =>
        Decode(data, options, rowsDecoded: null);

    /// <param name="rowsDecoded">Told after every MCU row which rows are final (see <see cref="DecodedRowsCallback"/>).</param>
    public static ImageBuffer Decode(ReadOnlySpan<byte> data, DecodeOptions? options, DecodedRowsCallback? rowsDecoded) =>
        JpegDecoderSession.Decode(data, options ?? DecodeOptions.Default, rowsDecoded);

    /// <summary>Reads the headers only: size, components, coding and orientation.</summary>
    public static JpegInfo Identify(ReadOnlySpan<byte> data) => JpegDecoderSession.Identify(data);
}
