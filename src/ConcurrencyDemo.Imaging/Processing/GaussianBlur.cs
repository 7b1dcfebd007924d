using System.Buffers;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// Pillow's <c>ImageFilter.GaussianBlur(radius)</c>, byte for byte: the radius is the standard
/// deviation; three extended box passes run along rows (<see cref="GaussianRowBlur"/>), then three along
/// columns, each rounded to 8 bits, with clamped edges. Every channel (alpha included, as Pillow does for RGBA)
/// is blurred independently. Runs in place with a scratch of a few hundred kilobytes, in time independent of the radius.
/// </summary>
public static class GaussianBlur
{
    /// <summary>Bytes per column strip in the vertical pass: one cache line per row.</summary>
    private const int StripBytes = BoxBlurLaneKernel.CacheLineLanes;

    public static void Apply(ImageBuffer image, float radius) =>
        Apply(image, radius, LaneKernels.Best);

    internal static void Apply(ImageBuffer image, float radius, LaneKernelPath path)
    {
        ArgumentNullException.ThrowIfNull(image);
        using (var rows = new GaussianRowBlur(radius, path))
            rows.Finish(image);
        ApplyToColumns(image, radius, path);
    }

    /// <summary>The vertical half of the blur, for an image whose rows <see cref="GaussianRowBlur"/> has blurred.</summary>
    public static void ApplyToColumns(ImageBuffer image, float radius) =>
        ApplyToColumns(image, radius, LaneKernels.Best);

    internal static unsafe void ApplyToColumns(ImageBuffer image, float radius, LaneKernelPath path)
    {
        ArgumentNullException.ThrowIfNull(image);
        CheckRadius(radius);
        if (radius == 0)
            return;

        BoxBlurWeights weights = BoxBlurWeights.ForGaussian(radius);
        int scratchBytes = image.Height * StripBytes;
        byte[] first = ArrayPool<byte>.Shared.Rent(scratchBytes);
        byte[] second = ArrayPool<byte>.Shared.Rent(scratchBytes);
        try
        {
            fixed (byte* pixels = image.Array)
            fixed (byte* a = first)
            fixed (byte* b = second)
                BlurColumns(image, pixels, a, b, weights, path);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(first);
            ArrayPool<byte>.Shared.Return(second);
        }
    }

    internal static void CheckRadius(float radius)
    {
        if (!(radius >= 0) || float.IsInfinity(radius))
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The blur radius (standard deviation) must be a finite number >= 0.");
    }

    private static unsafe void BlurColumns(ImageBuffer image, byte* pixels, byte* a, byte* b, in BoxBlurWeights weights, LaneKernelPath path)
    {
        int height = image.Height, stride = image.Stride;
        for (int x = 0; x < stride; x += StripBytes)
        {
            byte* column = pixels + x;
            int bytes = Math.Min(StripBytes, stride - x);
            if (bytes == StripBytes)
            {
                // A full strip is read from and written to the image directly; only the middle pass needs scratch.
                BoxBlurLaneKernel.Blur(column, stride, a, StripBytes, height, StripBytes, weights, path);
                BoxBlurLaneKernel.Blur(a, StripBytes, b, StripBytes, height, StripBytes, weights, path);
                BoxBlurLaneKernel.Blur(b, StripBytes, column, stride, height, StripBytes, weights, path);
            }
            else
            {
                // The kernel always fills whole lane groups, which would run past the row; the narrow
                // last strip goes through scratch, its unused lanes carrying whatever the scratch held.
                for (int y = 0; y < height; y++)
                    Buffer.MemoryCopy(column + (nint)y * stride, a + (nint)y * StripBytes, bytes, bytes);
                int lanes = (bytes + LaneKernels.LaneGroup - 1) / LaneKernels.LaneGroup * LaneKernels.LaneGroup;
                BoxBlurLaneKernel.Blur(a, StripBytes, b, StripBytes, height, lanes, weights, path);
                BoxBlurLaneKernel.Blur(b, StripBytes, a, StripBytes, height, lanes, weights, path);
                BoxBlurLaneKernel.Blur(a, StripBytes, b, StripBytes, height, lanes, weights, path);
                for (int y = 0; y < height; y++)
                    Buffer.MemoryCopy(b + (nint)y * StripBytes, column + (nint)y * stride, bytes, bytes);
            }
        }
    }
}
