using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// Pillow's <c>Image.thumbnail(box)</c> with its defaults (bicubic, reducing_gap 2.0), JPEG draft
/// mode aside: the size keeps the aspect ratio as Pillow rounds it, the image is never enlarged,
/// and big reductions first average integer blocks (<c>reduce</c>) before the bicubic pass.
/// </summary>
public static class Thumbnail
{
    private const double ReducingGap = 2.0;

    /// <summary>
    /// The size <c>thumbnail((maxWidth, maxHeight))</c> gives an image of the given size: unchanged if it
    /// already fits both limits, otherwise as large as fits with the aspect ratio closest to the original.
    /// </summary>
    public static ImageSize FitSize(int width, int height, int maxWidth, int maxHeight)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentOutOfRangeException(nameof(width), $"Image size {width}x{height} is not positive.");
        if (maxWidth <= 0 || maxHeight <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxWidth), $"Thumbnail box {maxWidth}x{maxHeight} is not positive.");
        if (maxWidth >= width && maxHeight >= height)
            return new ImageSize(width, height);

        double aspect = (double)width / height;
        if ((double)maxWidth / maxHeight >= aspect)
        {
            int x = RoundAspect(maxHeight * aspect, n => Math.Abs(aspect - (double)n / maxHeight));
            return new ImageSize(x, maxHeight);
        }
        int y = RoundAspect(maxWidth / aspect, n => n == 0 ? 0 : Math.Abs(aspect - (double)maxWidth / n));
        return new ImageSize(maxWidth, y);
    }

    /// <summary>
    /// Floor or ceiling, whichever the key prefers (floor on a tie, as Python's min keeps the first),
    /// but at least 1.
    /// </summary>
    private static int RoundAspect(double value, Func<int, double> key)
    {
        int floor = (int)Math.Floor(value), ceiling = (int)Math.Ceiling(value);
        int best = key(ceiling) < key(floor) ? ceiling : floor;
        return Math.Max(best, 1);
    }

    /// <summary>
    /// A new image no larger than the box, as Pillow's <c>thumbnail</c> would make it. When the source
    /// already fits, the result is a same-size copy, so the caller always owns (and disposes) what it
    /// gets back and the source is never modified.
    /// </summary>
    public static ImageBuffer Create(ImageBuffer source, int maxWidth, int maxHeight)
    {
        ArgumentNullException.ThrowIfNull(source);
        ImageSize size = FitSize(source.Width, source.Height, maxWidth, maxHeight);
        if (size.Width == source.Width && size.Height == source.Height)
        {
            var copy = new ImageBuffer(source.Width, source.Height, source.Format) { Orientation = source.Orientation };
            source.Pixels.CopyTo(copy.Pixels);
            return copy;
        }

        ImageBuffer result = source.Format == PixelFormat.Rgba32
            ? ResizePremultiplied(source, size)
            : ResizeWithReducingGap(source, size);
        result.Orientation = source.Orientation;
        return result;
    }

    /// <summary>Pillow's <c>resize(size, BICUBIC, reducing_gap=2.0)</c> for the whole image.</summary>
    private static ImageBuffer ResizeWithReducingGap(ImageBuffer source, ImageSize size)
    {
        int factorX = Math.Max((int)((double)source.Width / size.Width / ReducingGap), 1);
        int factorY = Math.Max((int)((double)source.Height / size.Height / ReducingGap), 1);
        if (factorX == 1 && factorY == 1)
            return BicubicResampler.Resample(source, size.Width, size.Height, 0, 0, source.Width, source.Height);

        // Pillow widens the region to reduce by the filter's reach (_get_safe_box); for the whole
        // image that is clamped back to the whole image, so the reduction covers all of it.
        using ImageBuffer reduced = BoxReduce.Reduce(source, factorX, factorY);
        // The original extent in reduced pixels; not a whole number when the size is not a multiple
        // of the factor, which is how the partial last block gets its smaller weight.
        float right = (float)((double)source.Width / factorX);
        float bottom = (float)((double)source.Height / factorY);
        return BicubicResampler.Resample(reduced, size.Width, size.Height, 0, 0, right, bottom);
    }

    /// <summary>Pillow resizes RGBA through premultiplied RGBa and, on that path, without the reducing gap.</summary>
    private static ImageBuffer ResizePremultiplied(ImageBuffer source, ImageSize size)
    {
        using ImageBuffer premultiplied = AlphaPremultiplication.Premultiplied(source);
        ImageBuffer result = BicubicResampler.Resample(premultiplied, size.Width, size.Height, 0, 0, source.Width, source.Height);
        AlphaPremultiplication.Unpremultiply(result);
        return result;
    }
}
