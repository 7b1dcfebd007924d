using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Tests.Processing;

/// <summary>Per-byte differences between two images of the same size and format.</summary>
internal static class ImageComparison
{
    public static void RequireSameShape(ImageBuffer expected, ImageBuffer actual)
    {
        Assert.Equal((expected.Width, expected.Height, expected.Format), (actual.Width, actual.Height, actual.Format));
    }

    public static int MaxDifference(ImageBuffer expected, ImageBuffer actual)
    {
        RequireSameShape(expected, actual);
        Span<byte> e = expected.Pixels, a = actual.Pixels;
        int max = 0;
        for (int i = 0; i < e.Length; i++)
            max = Math.Max(max, Math.Abs(e[i] - a[i]));
        return max;
    }

    /// <summary>Peak signal-to-noise ratio in dB; +infinity when identical.</summary>
    public static double Psnr(ImageBuffer expected, ImageBuffer actual)
    {
        RequireSameShape(expected, actual);
        Span<byte> e = expected.Pixels, a = actual.Pixels;
        double squares = 0;
        for (int i = 0; i < e.Length; i++)
        {
            int d = e[i] - a[i];
            squares += d * d;
        }
        if (squares == 0) return double.PositiveInfinity;
        double mse = squares / e.Length;
        return 10 * Math.Log10(255.0 * 255.0 / mse);
    }
}
