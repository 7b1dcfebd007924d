using System.Buffers.Binary;

namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>The validated contents of IHDR and the scanline geometry that follows from them.</summary>
internal readonly record struct PngHeader(int Width, int Height, int BitDepth, PngColorType ColorType, bool Interlaced)
{
    public const int Length = 13;

    public static PngHeader Parse(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length != Length)
            throw new InvalidImageException($"IHDR chunk has length {chunk.Length}, expected {Length}");
        uint width = BinaryPrimitives.ReadUInt32BigEndian(chunk);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(chunk[4..]);
        // The specification caps both at 2^31-1 so that they fit a signed 32-bit integer.
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
            throw new InvalidImageException($"IHDR has invalid image size {width}x{height}");
        int bitDepth = chunk[8];
        var colorType = (PngColorType)chunk[9];
        bool validDepth = colorType switch
        {
            PngColorType.Grayscale => bitDepth is 1 or 2 or 4 or 8 or 16,
            PngColorType.Palette => bitDepth is 1 or 2 or 4 or 8,
            PngColorType.Rgb or PngColorType.GrayscaleAlpha or PngColorType.Rgba => bitDepth is 8 or 16,
            _ => throw new InvalidImageException($"IHDR has invalid colour type {chunk[9]}"),
        };
        if (!validDepth)
            throw new InvalidImageException($"IHDR has invalid bit depth {bitDepth} for colour type {(int)colorType}");
        if (chunk[10] != 0)
            throw new InvalidImageException($"IHDR has unknown compression method {chunk[10]}");
        if (chunk[11] != 0)
            throw new InvalidImageException($"IHDR has unknown filter method {chunk[11]}");
        if (chunk[12] > 1)
            throw new InvalidImageException($"IHDR has unknown interlace method {chunk[12]}");
        return new PngHeader((int)width, (int)height, bitDepth, colorType, chunk[12] == 1);
    }

    public int SamplesPerPixel => ColorType switch
    {
        PngColorType.Grayscale or PngColorType.Palette => 1,
        PngColorType.GrayscaleAlpha => 2,
        PngColorType.Rgb => 3,
        _ => 4,
    };

    public int BitsPerPixel => SamplesPerPixel * BitDepth;

    /// <summary>The byte distance the Sub, Average and Paeth filters look back: one pixel, at least one byte.</summary>
    public int FilterStride => Math.Max(1, BitsPerPixel / 8);

    /// <summary>Bytes of one scanline of <paramref name="pixels"/> pixels, without the filter byte.</summary>
    public long RowBytes(int pixels) => ((long)pixels * BitsPerPixel + 7) / 8;
}
