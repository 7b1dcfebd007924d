using System.Buffers;
using System.IO.Compression;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>
/// Decodes every PNG colour type and bit depth to Gray8, Rgb24 or Rgba32 (16-bit samples reduced to 8).
/// Grey without transparency gives Gray8; RGB or palette without transparency gives Rgb24; any alpha
/// channel or tRNS chunk gives Rgba32. A palette index beyond the PLTE entries decodes as opaque black,
/// as libpng does, rather than failing the image.
/// </summary>
public static class PngDecoder
{
    public static ImageBuffer Decode(ReadOnlySpan<byte> data, DecodeOptions? options = null)
    {
        options ??= DecodeOptions.Default;
        if (!PngSignature.IsPresent(data))
            throw new InvalidImageException("not a PNG image: the signature is wrong");

        PngFileLayout layout = PngFileLayout.Read(data);
        PngHeader header = layout.Header;

        long pixelCount = (long)header.Width * header.Height;
        if (pixelCount > options.MaxPixels)
            throw new InvalidImageException(
                $"image is {header.Width}x{header.Height} = {pixelCount} pixels, more than the limit of {options.MaxPixels}");

        long expectedBytes = ExpectedDecompressedBytes(header);
        // Deflate cannot expand more than 1032:1, so an image whose rows need more than that was cut short;
        // saying so now avoids allocating a huge buffer for a few bytes of data.
        if (expectedBytes > layout.CompressedLength * 1032 + 1024)
            throw new InvalidImageException("IDAT data is truncated: far too short for the image size");

        var converter = new PngRowConverter(header, layout.PaletteRgba, layout.HasTransparency, layout.Transparency(data));
        if (pixelCount * (int)converter.OutputFormat > Array.MaxLength)
            throw new InvalidImageException($"image {header.Width}x{header.Height} is too large for one buffer");

        var image = new ImageBuffer(header.Width, header.Height, converter.OutputFormat) { Orientation = layout.Orientation };
        try
        {
            Inflate(data, layout, converter, image);
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    private static long ExpectedDecompressedBytes(PngHeader header)
    {
        if (!header.Interlaced)
            return header.Height * (header.RowBytes(header.Width) + 1);
        long total = 0;
        for (int pass = 0; pass < Adam7.PassCount; pass++)
        {
            int width = Adam7.PassWidth(pass, header.Width);
            int height = Adam7.PassHeight(pass, header.Height);
            if (width > 0 && height > 0)
                total += height * (header.RowBytes(width) + 1);
        }
        return total;
    }

    private static unsafe void Inflate(ReadOnlySpan<byte> data, PngFileLayout layout, PngRowConverter converter, ImageBuffer image)
    {
        PngHeader header = layout.Header;
        fixed (byte* file = data)
        {
            using var idat = new IdatSegmentStream(file, layout.IdatSegments);
            using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
            using var scanlines = new PngScanlineReader(inflater, (int)header.RowBytes(header.Width), header.FilterStride);
            if (header.Interlaced)
                DecodeInterlaced(scanlines, header, converter, image);
            else
            {
                scanlines.BeginPass((int)header.RowBytes(header.Width));
                for (int y = 0; y < header.Height; y++)
                    converter.Convert(scanlines.ReadRow(), header.Width, image.GetRow(y));
            }
            scanlines.EnsureEnd();
        }
    }

    private static void DecodeInterlaced(PngScanlineReader scanlines, PngHeader header, PngRowConverter converter, ImageBuffer image)
    {
        int channels = image.Channels;
        byte[] passRow = ArrayPool<byte>.Shared.Rent(image.Stride);
        try
        {
            for (int pass = 0; pass < Adam7.PassCount; pass++)
            {
                int width = Adam7.PassWidth(pass, header.Width);
                int height = Adam7.PassHeight(pass, header.Height);
                if (width == 0 || height == 0)
                    continue;
                scanlines.BeginPass((int)header.RowBytes(width));
                int stepX = Adam7.ColumnStep(pass);
                for (int row = 0; row < height; row++)
                {
                    converter.Convert(scanlines.ReadRow(), width, passRow);
                    Span<byte> target = image.GetRow(Adam7.RowStart(pass) + row * Adam7.RowStep(pass));
                    int x = Adam7.ColumnStart(pass);
                    for (int i = 0; i < width; i++, x += stepX)
                        passRow.AsSpan(i * channels, channels).CopyTo(target.Slice(x * channels, channels));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(passRow);
        }
    }
}
