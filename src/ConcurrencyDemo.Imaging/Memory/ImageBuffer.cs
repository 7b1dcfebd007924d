namespace ConcurrencyDemo.Imaging.Memory;

/// <summary>
/// An 8-bit image: rows of interleaved channels, top row first. The pixels live in an array rented
/// from <see cref="PixelArrayPool"/> so that a batch of photos reuses a few large buffers instead of
/// allocating (and the GC zeroing) tens of megabytes per photo; dispose it to give the array back.
/// </summary>
public sealed class ImageBuffer : IDisposable
{
    private byte[]? _pixels;

    public ImageBuffer(int width, int height, PixelFormat format)
    {
        (Width, Height, Format, Stride, Length) = Validate(width, height, format);
        _pixels = PixelArrayPool.Rent(Length);
    }

    private static (int Width, int Height, PixelFormat Format, int Stride, int Length) Validate(int width, int height, PixelFormat format)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentOutOfRangeException(nameof(width), $"Image size {width}x{height} is not positive.");
        if (format is not (PixelFormat.Gray8 or PixelFormat.Rgb24 or PixelFormat.Rgba32))
            throw new ArgumentOutOfRangeException(nameof(format), $"Unknown pixel format {format}.");
        long stride = (long)width * (int)format;
        long length = stride * height;
        if (length > System.Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(width), $"Image size {width}x{height} is too large for one buffer.");
        return (width, height, format, (int)stride, (int)length);
    }

    public int Width { get; }
    public int Height { get; }
    public PixelFormat Format { get; }

    /// <summary>Bytes per pixel.</summary>
    public int Channels => (int)Format;

    /// <summary>Bytes from the start of one row to the start of the next.</summary>
    public int Stride { get; }

    /// <summary>Bytes of pixel data: <see cref="Stride"/> times <see cref="Height"/>.</summary>
    public int Length { get; }

    /// <summary>EXIF orientation (1-8) read from the file; 1 when the file has none. Decoders never apply it.</summary>
    public int Orientation { get; set; } = 1;

    public Span<byte> Pixels => Array.AsSpan(0, Length);

    public Span<byte> GetRow(int y) => Array.AsSpan(y * Stride, Stride);

    /// <summary>The rented array itself, for kernels that index it directly; only the first <see cref="Length"/> bytes are the image.</summary>
    public byte[] Array => _pixels ?? throw new ObjectDisposedException(nameof(ImageBuffer));

    public void Dispose()
    {
        byte[]? pixels = Interlocked.Exchange(ref _pixels, null);
        if (pixels is not null)
            PixelArrayPool.Return(pixels);
    }
}
