using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Processing;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Processing;

public sealed class GaussianBlurTests(ITestOutputHelper output)
{
    public static TheoryData<string> BlurCases()
    {
        var data = new TheoryData<string>();
        foreach (var c in PillowReferences.Cases("blur")) data.Add(c.Result);
        return data;
    }

    [Theory]
    [MemberData(nameof(BlurCases))]
    public void Matches_pillow_reference_exactly(string result)
    {
        var c = PillowReferences.Cases("blur").Single(x => x.Result == result);
        using ImageBuffer image = Netpbm.Read(PillowReferences.Path(c.Source));
        using ImageBuffer expected = Netpbm.Read(PillowReferences.Path(c.Result));

        GaussianBlur.Apply(image, c.Radius);

        int maxDifference = ImageComparison.MaxDifference(expected, image);
        output.WriteLine($"{c}: max difference from Pillow {maxDifference}");
        Assert.Equal(0, maxDifference);
    }

    [Fact]
    public void Sigma_15_gives_box_radius_14_48_with_29_whole_taps_and_two_fractional_ones()
    {
        Assert.Equal(14.48333f, BoxBlurWeights.GaussianBoxRadius(15f), 4);
        var weights = BoxBlurWeights.ForGaussian(15f);
        Assert.Equal(14, weights.Radius);
        long total = 29L * weights.Whole + 2L * weights.Edge;
        Assert.InRange(total, (1 << 24) - 1, 1 << 24);
        Assert.InRange(weights.Edge, 1u, weights.Whole - 1);
    }

    [Fact]
    public void Radius_zero_leaves_the_image_unchanged()
    {
        using ImageBuffer image = TestImages.Random(37, 11, PixelFormat.Rgb24, seed: 1);
        byte[] before = image.Pixels.ToArray();
        GaussianBlur.Apply(image, 0);
        Assert.Equal(before, image.Pixels.ToArray());
    }

    [Theory]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Invalid_radius_is_rejected_naming_the_radius(float radius)
    {
        using ImageBuffer image = TestImages.Random(5, 5, PixelFormat.Gray8, seed: 2);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GaussianBlur.Apply(image, radius));
        Assert.Equal("radius", error.ParamName);
    }

    [Fact]
    public void Uniform_image_stays_uniform_whatever_the_radius()
    {
        foreach (float radius in new[] { 0.3f, 1f, 15f, 1000f })
        {
            using var image = new ImageBuffer(9, 4, PixelFormat.Rgba32);
            image.Pixels.Fill(200);
            GaussianBlur.Apply(image, radius);
            Assert.All(image.Pixels.ToArray(), b => Assert.Equal(200, b));
        }
    }

    public static TheoryData<int, int, PixelFormat, float> OddShapes() => new()
    {
        { 1, 1, PixelFormat.Rgb24, 2f },
        { 1, 37, PixelFormat.Gray8, 3f },
        { 37, 1, PixelFormat.Rgba32, 3f },
        { 101, 23, PixelFormat.Rgb24, 15f },
        { 23, 101, PixelFormat.Rgb24, 0.7f },
        { 67, 19, PixelFormat.Gray8, 40f },
        { 31, 45, PixelFormat.Rgba32, 4.4f },
        { 130, 17, PixelFormat.Rgb24, 1.5f },
    };

    [Theory]
    [MemberData(nameof(OddShapes))]
    public void Vector_paths_give_the_same_bytes_as_the_scalar_path(int width, int height, PixelFormat format, float radius)
    {
        using ImageBuffer scalar = TestImages.Random(width, height, format, seed: width * 31 + height);
        using ImageBuffer avx2 = TestImages.Copy(scalar);
        using ImageBuffer avx512 = TestImages.Copy(scalar);

        GaussianBlur.Apply(scalar, radius, LaneKernelPath.Scalar);
        GaussianBlur.Apply(avx2, radius, LaneKernelPath.Avx2);
        GaussianBlur.Apply(avx512, radius, LaneKernelPath.Avx512);

        output.WriteLine($"best path on this machine: {LaneKernels.Best}");
        Assert.Equal(scalar.Pixels.ToArray(), avx2.Pixels.ToArray());
        Assert.Equal(scalar.Pixels.ToArray(), avx512.Pixels.ToArray());
    }
}
