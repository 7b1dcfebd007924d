using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Processing;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Processing;

/// <summary>
/// The horizontal bicubic pass runs blocks of rows side by side in SIMD lanes. Every path must give, byte for byte,
/// what Pillow's scalar loop gives: one output pixel of one row at a time, written out here from the coefficients.
/// </summary>
public sealed class BicubicLaneKernelTests(ITestOutputHelper output)
{
    public static TheoryData<int, int, int, PixelFormat> Shapes => new()
    {
        { 4352, 37, 1200, PixelFormat.Rgb24 },  // a photo's width; rows not a multiple of the 16-row block
        { 300, 16, 120, PixelFormat.Gray8 },    // exactly one block
        { 97, 5, 250, PixelFormat.Rgba32 },     // upscale, fewer rows than a block
        { 1, 33, 3, PixelFormat.Rgb24 },        // one input column
        { 5000, 3, 17, PixelFormat.Rgb24 },     // wide filter: hundreds of taps per output pixel
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_path_gives_the_bytes_of_Pillows_scalar_loop(int sourceWidth, int height, int width, PixelFormat format)
    {
        using ImageBuffer source = TestImages.Random(sourceWidth, height, format, seed: sourceWidth * 7 + height);
        float right = sourceWidth - 0.25f; // a partial last column, as after a reduce
        byte[] expected = ScalarReference(source, width, right);

        output.WriteLine($"best path on this machine: {LaneKernels.Best}");
        foreach (LaneKernelPath path in Enum.GetValues<LaneKernelPath>())
        {
            using ImageBuffer resampled = BicubicResampler.Resample(source, width, height, 0, 0, right, height, path);
            Assert.Equal((width, height), (resampled.Width, resampled.Height));
            Assert.True(resampled.Pixels.SequenceEqual(expected), $"{path}: {format} {sourceWidth}x{height} -> {width}");
        }
    }

    private static byte[] ScalarReference(ImageBuffer source, int width, float right)
    {
        BicubicCoefficients columns = BicubicCoefficients.Compute(source.Width, 0, right, width);
        int channels = source.Channels;
        var result = new byte[width * channels * source.Height];
        for (int y = 0; y < source.Height; y++)
        {
            Span<byte> row = source.GetRow(y);
            for (int xx = 0; xx < width; xx++)
            {
                for (int c = 0; c < channels; c++)
                {
                    int sum = 1 << (BicubicCoefficients.PrecisionBits - 1);
                    for (int k = 0; k < columns.Count[xx]; k++)
                        sum += row[(columns.First[xx] + k) * channels + c] * columns.Weights[xx * columns.Taps + k];
                    result[(y * width + xx) * channels + c] = (byte)Math.Clamp(sum >> BicubicCoefficients.PrecisionBits, 0, 255);
                }
            }
        }
        return result;
    }
}
