using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Png;

/// <summary>Deterministic test images and pixel-layout helpers shared by the PNG tests.</summary>
internal static class PngTestImages
{
    /// <summary>Expands any buffer to RGBA (grey replicated, alpha 255 where the format has none).</summary>
    public static byte[] ToRgba(ImageBuffer image)
    {
        int pixels = image.Width * image.Height;
        var rgba = new byte[pixels * 4];
        ReadOnlySpan<byte> source = image.Pixels;
        for (int i = 0; i < pixels; i++)
        {
            switch (image.Format)
            {
                case PixelFormat.Gray8:
                    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = source[i];
                    rgba[4 * i + 3] = 255;
                    break;
                case PixelFormat.Rgb24:
                    rgba[4 * i] = source[3 * i];
                    rgba[4 * i + 1] = source[3 * i + 1];
                    rgba[4 * i + 2] = source[3 * i + 2];
                    rgba[4 * i + 3] = 255;
                    break;
                default:
                    source.Slice(4 * i, 4).CopyTo(rgba.AsSpan(4 * i, 4));
                    break;
            }
        }
        return rgba;
    }

    /// <summary>A mix of smooth gradients and seeded noise, so every PNG filter wins somewhere.</summary>
    public static ImageBuffer Create(int width, int height, PixelFormat format, int seed = 1)
    {
        var image = new ImageBuffer(width, height, format);
        var random = new Random(seed);
        for (int y = 0; y < height; y++)
        {
            Span<byte> row = image.GetRow(y);
            for (int x = 0; x < width; x++)
                for (int c = 0; c < image.Channels; c++)
                {
                    bool noisy = (x / 7 + y / 5) % 3 == 0;
                    row[x * image.Channels + c] = noisy
                        ? (byte)random.Next(256)
                        : (byte)(x * (c + 1) * 3 + y * (4 - c) * 2);
                }
        }
        return image;
    }
}
