namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>The IHDR colour type byte; the values are fixed by the PNG specification.</summary>
internal enum PngColorType : byte
{
    Grayscale = 0,
    Rgb = 2,
    Palette = 3,
    GrayscaleAlpha = 4,
    Rgba = 6,
}
