using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// The one image a blur that follows a decoder (see <see cref="DecodedRowsCallback"/>) serves: set by the first
/// report, checked against every later one, so that rows of another image are refused instead of being blurred
/// with the wrong neighbours.
/// </summary>
internal struct ReportedImage
{
    public int Width { get; private set; }
    public int Height { get; private set; }
    public int Channels { get; private set; }
    public int Stride { get; private set; }

    /// <summary>How many whole rows <paramref name="rowsSoFar"/> holds, once the report is checked against the image.</summary>
    /// <param name="blur">What the rows were reported to, for the message.</param>
    public int RowsFinal(Span<byte> rowsSoFar, int width, int height, PixelFormat format, string blur)
    {
        int channels = (int)format;
        if (Width == 0)
            (Width, Height, Channels, Stride) = (width, height, channels, width * channels);
        else if ((Width, Height, Channels) != (width, height, channels))
            throw new InvalidOperationException($"Rows of a {width}x{height} image were reported to a {blur} of a {Width}x{Height} image.");
        int rowsFinal = rowsSoFar.Length / Stride;
        if (rowsFinal > height)
            throw new ArgumentException($"{rowsFinal} rows were reported final of an image {height} rows high.", nameof(rowsSoFar));
        return rowsFinal;
    }
}
