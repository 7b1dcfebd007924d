using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// <see cref="GaussianBlur"/> applied to an image while it is being decoded: given to the decoder as its
/// <see cref="DecodedRowsCallback"/>, it blurs each block of rows as soon as the decoder has written it
/// (<see cref="GaussianRowBlur"/>) and passes the blurred rows down the columns (<see cref="GaussianColumnBlur"/>),
/// which finish each row a few dozen rows later; <see cref="Finish"/> blurs whatever is left. So a photo is blurred
/// while its rows are still in the cache, rather than read back from memory once per half of the blur.
/// The bytes are those of <see cref="GaussianBlur.Apply(ImageBuffer, float)"/>. One instance serves one image.
/// </summary>
public sealed class IncrementalGaussianBlur : IDisposable
{
    private readonly GaussianRowBlur _rows;
    private readonly GaussianColumnBlur _columns;

    public IncrementalGaussianBlur(float radius) : this(radius, LaneKernels.Best) { }

    internal IncrementalGaussianBlur(float radius, LaneKernelPath path)
    {
        _rows = new GaussianRowBlur(radius, path);
        _columns = new GaussianColumnBlur(radius, path);
    }

    /// <summary>Seconds spent blurring so far, on whichever thread called.</summary>
    public double Seconds => _rows.Seconds + _columns.Seconds;

    /// <summary>Matches <see cref="DecodedRowsCallback"/>.</summary>
    public void BlurFinalRows(Span<byte> rowsSoFar, int width, int height, PixelFormat format)
    {
        _rows.BlurFinalRows(rowsSoFar, width, height, format);
        _columns.BlurFinalRows(rowsSoFar[..(_rows.RowsBlurred * width * (int)format)], width, height, format);
    }

    /// <summary>Blurs every part of <paramref name="image"/> not blurred yet (all of it after a decoder that reports no rows).</summary>
    public void Finish(ImageBuffer image)
    {
        ArgumentNullException.ThrowIfNull(image);
        BlurFinalRows(image.Pixels, image.Width, image.Height, image.Format);
    }

    public void Dispose()
    {
        _rows.Dispose();
        _columns.Dispose();
    }
}
