using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// Pillow's <c>ImageFilter.GaussianBlur(radius)</c>, byte for byte: the radius is the standard
/// deviation; three extended box passes run along rows (<see cref="GaussianRowBlur"/>), then three along
/// columns (<see cref="GaussianColumnBlur"/>), each rounded to 8 bits, with clamped edges. Every channel (alpha
/// included, as Pillow does for RGBA) is blurred independently. Runs in place, with scratch of a few dozen rows (a
/// few megabytes at most, whatever the radius), in time independent of the radius.
/// </summary>
public static class GaussianBlur
{
    public static void Apply(ImageBuffer image, float radius) =>
        Apply(image, radius, LaneKernels.Best);

    internal static void Apply(ImageBuffer image, float radius, LaneKernelPath path)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var blur = new IncrementalGaussianBlur(radius, path);
        blur.Finish(image);
    }

    internal static void CheckRadius(float radius)
    {
        if (!(radius >= 0) || float.IsInfinity(radius))
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The blur radius (standard deviation) must be a finite number >= 0.");
    }
}
