using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Processing;

namespace ConcurrencyDemo.Imaging.Tests.Processing;

/// <summary>
/// Resampling both axes runs the two passes band by band. Composing a horizontal-only and a
/// vertical-only resample is the whole-image two-pass result; the bands must reproduce it exactly.
/// </summary>
public sealed class BicubicBandTests
{
    [Theory]
    [InlineData(300, 200, 120, 80)]     // downscale, a few bands
    [InlineData(2880, 2160, 1200, 900)] // the 4:4:4 photo's thumbnail
    [InlineData(500, 1000, 37, 999)]    // almost no vertical scaling: bands share only the filter's reach
    [InlineData(40, 30, 300, 200)]      // upscale: neighbouring output rows read the same input rows
    [InlineData(1000, 63, 100, 7)]      // fewer output rows than one band
    [InlineData(17, 5000, 3, 130)]      // strong vertical reduction, wide filter
    [InlineData(1, 300, 1, 65)]         // one column: horizontal runs only because right != width
    public void Bands_MatchWholeImagePasses(int sourceWidth, int sourceHeight, int width, int height)
    {
        foreach (PixelFormat format in new[] { PixelFormat.Gray8, PixelFormat.Rgb24, PixelFormat.Rgba32 })
        {
            using ImageBuffer source = TestImages.Random(sourceWidth, sourceHeight, format, seed: sourceWidth + height);
            float right = sourceWidth - 0.25f, bottom = sourceHeight - 0.5f; // partial edges as after a reduce
            using ImageBuffer banded = BicubicResampler.Resample(source, width, height, 0, 0, right, bottom);
            using ImageBuffer horizontal = BicubicResampler.Resample(source, width, sourceHeight, 0, 0, right, sourceHeight);
            using ImageBuffer whole = BicubicResampler.Resample(horizontal, width, height, 0, 0, width, bottom);
            Assert.Equal((whole.Width, whole.Height), (banded.Width, banded.Height));
            Assert.True(banded.Pixels.SequenceEqual(whole.Pixels), $"{format} {sourceWidth}x{sourceHeight} -> {width}x{height}");
        }
    }
}
