using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// Pillow's <c>ImageOps.exif_transpose</c>: turns an image stored with an EXIF orientation (2-8) into
/// the upright image a viewer shows. Decoders leave <see cref="ImageBuffer.Orientation"/> unapplied,
/// so this is an explicit, optional step.
/// </summary>
public static class ExifOrientation
{
    /// <summary>
    /// A new, upright image with <see cref="ImageBuffer.Orientation"/> 1; for orientation 1 or an
    /// unknown value, a plain copy (as Pillow copies). The source is not modified.
    /// </summary>
    public static ImageBuffer Apply(ImageBuffer image)
    {
        ArgumentNullException.ThrowIfNull(image);
        int channels = image.Channels, stride = image.Stride;
        int right = (image.Width - 1) * channels, bottom = (image.Height - 1) * stride;
        // Every transpose is affine in byte offsets: output pixel (x, y) is read from
        // start + x * stepX + y * stepY in the stored image. Names are Pillow's Transpose members.
        (bool swapsAxes, int start, int stepX, int stepY) = image.Orientation switch
        {
            2 => (false, right, -channels, stride),            // FLIP_LEFT_RIGHT
            3 => (false, bottom + right, -channels, -stride),  // ROTATE_180
            4 => (false, bottom, channels, -stride),           // FLIP_TOP_BOTTOM
            5 => (true, 0, stride, channels),                  // TRANSPOSE
            6 => (true, bottom, -stride, channels),            // ROTATE_270: 90 degrees clockwise
            7 => (true, bottom + right, -stride, -channels),   // TRANSVERSE
            8 => (true, right, stride, -channels),             // ROTATE_90: 90 degrees counter-clockwise
            _ => (false, 0, channels, stride),
        };
        var result = swapsAxes
            ? new ImageBuffer(image.Height, image.Width, image.Format)
            : new ImageBuffer(image.Width, image.Height, image.Format);
        ReadOnlySpan<byte> input = image.Pixels;
        Span<byte> output = result.Pixels;
        int o = 0;
        for (int y = 0; y < result.Height; y++)
        {
            int source = start + y * stepY;
            for (int x = 0; x < result.Width; x++, source += stepX, o += channels)
                input.Slice(source, channels).CopyTo(output.Slice(o, channels));
        }
        return result;
    }
}
