using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// Pillow resizes RGBA through premultiplied "RGBa" so that transparent pixels' colours do not
/// bleed into their neighbours; these are its two conversions, with its rounding.
/// </summary>
internal static class AlphaPremultiplication
{
    /// <summary>RGBA to RGBa: each colour times alpha / 255, rounded as Pillow's MULDIV255.</summary>
    public static ImageBuffer Premultiplied(ImageBuffer source)
    {
        var result = new ImageBuffer(source.Width, source.Height, PixelFormat.Rgba32);
        ReadOnlySpan<byte> input = source.Pixels;
        Span<byte> output = result.Pixels;
        for (int i = 0; i < input.Length; i += 4)
        {
            int alpha = input[i + 3];
            output[i] = MultiplyDivide255(input[i], alpha);
            output[i + 1] = MultiplyDivide255(input[i + 1], alpha);
            output[i + 2] = MultiplyDivide255(input[i + 2], alpha);
            output[i + 3] = (byte)alpha;
        }
        return result;
    }

    /// <summary>RGBa back to RGBA in place: colour * 255 / alpha, truncated and clipped; alpha 0 and 255 left alone.</summary>
    public static void Unpremultiply(ImageBuffer image)
    {
        Span<byte> pixels = image.Pixels;
        for (int i = 0; i < pixels.Length; i += 4)
        {
            int alpha = pixels[i + 3];
            if (alpha is 0 or 255) continue;
            pixels[i] = (byte)Math.Min(255 * pixels[i] / alpha, 255);
            pixels[i + 1] = (byte)Math.Min(255 * pixels[i + 1] / alpha, 255);
            pixels[i + 2] = (byte)Math.Min(255 * pixels[i + 2] / alpha, 255);
        }
    }

    private static byte MultiplyDivide255(int value, int alpha)
    {
        int t = value * alpha + 128;
        return (byte)(((t >> 8) + t) >> 8);
    }
}
