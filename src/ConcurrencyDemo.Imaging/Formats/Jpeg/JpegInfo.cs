using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg;

/// <summary>What a JPEG's headers say, read without decoding the image data.</summary>
/// <param name="OutputFormat">The format <see cref="JpegDecoder.Decode"/> produces: Gray8 for one component, else Rgb24.</param>
/// <param name="Orientation">EXIF orientation 1-8 (1 when absent).</param>
public sealed record JpegInfo(int Width, int Height, int ComponentCount, bool IsProgressive, PixelFormat OutputFormat, int Orientation);
