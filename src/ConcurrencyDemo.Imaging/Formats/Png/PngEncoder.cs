using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>Writes Gray8, Rgb24 and Rgba32 images as 8-bit PNG with per-row adaptive filters.</summary>
public static class PngEncoder
{
    public static void Encode(ImageBuffer image, Stream output) =>
        throw new NotImplementedException("PNG encoding arrives with the PNG branch.");
}
