using ConcurrencyDemo.Imaging.Formats.Jpeg.Encoding;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg;

/// <summary>
/// Baseline JPEG encoder (JFIF, standard Huffman tables, IJG quality scaling) for Gray8 and Rgb24 images;
/// Rgba32 is encoded as its RGB channels (alpha dropped). Output follows cjpeg's defaults: the same
/// quantisation tables for a given quality, 4:2:0 chroma unless 4:4:4 is asked for, the accurate integer DCT.
/// </summary>
public static class JpegEncoder
{
    /// <summary>The largest width or height a JPEG frame header can state.</summary>
    public const int MaxDimension = 65535;

    public static void Encode(ImageBuffer image, Stream output, JpegEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        options ??= JpegEncoderOptions.Default;
        if (options.Quality is < 1 or > 100)
            throw new ArgumentOutOfRangeException(nameof(JpegEncoderOptions.Quality), options.Quality, "JPEG quality must be between 1 and 100.");
        if (image.Width > MaxDimension || image.Height > MaxDimension)
            throw new ArgumentException($"Image size {image.Width}x{image.Height} exceeds the JPEG limit of {MaxDimension}.", nameof(image));

        bool gray = image.Format == PixelFormat.Gray8;
        bool subsample = !gray && options.Subsampling == JpegSubsampling.Yuv420;
        byte[] lumaTable = QuantizationTableScaler.Scale(JpegTables.LuminanceQuantization, options.Quality);
        byte[] chromaTable = QuantizationTableScaler.Scale(JpegTables.ChrominanceQuantization, options.Quality);

        JpegMarkerWriter.Component[] components = gray
            ? [new(1, 1, 1, 0, 0)]
            : [new(1, (byte)(subsample ? 2 : 1), (byte)(subsample ? 2 : 1), 0, 0), new(2, 1, 1, 1, 1), new(3, 1, 1, 1, 1)];

        JpegMarkerWriter.WriteStartOfImage(output);
        JpegMarkerWriter.WriteJfifHeader(output);
        JpegMarkerWriter.WriteQuantizationTable(output, 0, lumaTable);
        if (!gray)
            JpegMarkerWriter.WriteQuantizationTable(output, 1, chromaTable);
        JpegMarkerWriter.WriteFrameHeader(output, image.Width, image.Height, components);
        JpegMarkerWriter.WriteHuffmanTable(output, isAc: false, 0, HuffmanEncodingTable.LuminanceDc);
        JpegMarkerWriter.WriteHuffmanTable(output, isAc: true, 0, HuffmanEncodingTable.LuminanceAc);
        if (!gray)
        {
            JpegMarkerWriter.WriteHuffmanTable(output, isAc: false, 1, HuffmanEncodingTable.ChrominanceDc);
            JpegMarkerWriter.WriteHuffmanTable(output, isAc: true, 1, HuffmanEncodingTable.ChrominanceAc);
        }
        JpegMarkerWriter.WriteScanHeader(output, components);

        using (var writer = new JpegBitWriter(output))
        {
            var luma = new CoefficientQuantizer(lumaTable);
            CoefficientQuantizer? chroma = gray ? null : new CoefficientQuantizer(chromaTable);
            new JpegScanEncoder(image, subsample, luma, chroma, writer).Encode();
        }
        JpegMarkerWriter.WriteEndOfImage(output);
    }
}
