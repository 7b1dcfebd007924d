namespace ConcurrencyDemo.Imaging.Memory;

/// <summary>The pixel layouts an <see cref="ImageBuffer"/> can hold; the value is the byte count per pixel.</summary>
public enum PixelFormat
{
    Gray8 = 1,
    Rgb24 = 3,
    Rgba32 = 4,
}
