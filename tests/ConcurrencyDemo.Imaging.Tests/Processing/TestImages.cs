using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Tests.Processing;

internal static class TestImages
{
    /// <summary>Seeded noise over a gradient, with hard edges, so both smooth and sharp content is exercised.</summary>
    public static ImageBuffer Random(int width, int height, PixelFormat format, int seed)
    {
        var image = new ImageBuffer(width, height, format);
        var random = new Random(seed);
        int channels = image.Channels;
        for (int y = 0; y < height; y++)
        {
            Span<byte> row = image.GetRow(y);
            for (int x = 0; x < width; x++)
                for (int c = 0; c < channels; c++)
                {
                    int value = (x * 255 / Math.Max(width - 1, 1) + y * 255 / Math.Max(height - 1, 1)) / 2 + random.Next(-60, 61);
                    if ((x / 5 + y / 3 + c) % 4 == 0) value += 100;
                    row[x * channels + c] = (byte)Math.Clamp(value, 0, 255);
                }
        }
        return image;
    }

    public static ImageBuffer Copy(ImageBuffer source)
    {
        var copy = new ImageBuffer(source.Width, source.Height, source.Format) { Orientation = source.Orientation };
        source.Pixels.CopyTo(copy.Pixels);
        return copy;
    }
}
