namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>The filter byte at the start of every scanline (PNG filter method 0).</summary>
internal enum PngFilterType : byte
{
    None = 0,
    Sub = 1,
    Up = 2,
    Average = 3,
    Paeth = 4,
}
