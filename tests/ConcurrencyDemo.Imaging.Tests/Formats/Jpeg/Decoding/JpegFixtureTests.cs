using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Tests.Common;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Decoding;

/// <summary>Decodes the committed fixtures and compares them with djpeg's decodes committed beside them.</summary>
public sealed class JpegFixtureTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> ExactFixtures() => new()
    {
        { "baseline-444.jpg", "baseline-444.ppm" },
        { "baseline-422.jpg", "baseline-422.ppm" },
        { "baseline-420.jpg", "baseline-420.ppm" },
        { "baseline-440.jpg", "baseline-440.ppm" },
        { "baseline-411.jpg", "baseline-411.ppm" },
        { "odd-sampling-3x1.jpg", "odd-sampling-3x1.ppm" },
        { "odd-sampling-1x3.jpg", "odd-sampling-1x3.ppm" },
        { "baseline-420-large.jpg", "baseline-420-large.ppm" },
        { "grey.jpg", "grey.pgm" },
        { "optimized.jpg", "optimized.ppm" },
        { "restart-420.jpg", "restart-420.ppm" },
        { "restart-rows.jpg", "restart-rows.ppm" },
        { "progressive-420.jpg", "progressive-420.ppm" },
        { "progressive-444.jpg", "progressive-444.ppm" },
        { "progressive-grey.jpg", "progressive-grey.pgm" },
        { "progressive-restart.jpg", "progressive-restart.ppm" },
        { "rgb.jpg", "rgb.ppm" },
        { "quality-100.jpg", "quality-100.ppm" },
        { "quality-5.jpg", "quality-5.ppm" },
        { "noninterleaved.jpg", "noninterleaved.ppm" },
    };

    [Theory]
    [MemberData(nameof(ExactFixtures))]
    public void Decode_MatchesDjpegBitForBit(string jpeg, string reference)
    {
        using ImageBuffer image = JpegDecoder.Decode(File.ReadAllBytes(TestPaths.Fixtures("jpeg", jpeg)));
        var expected = ReferenceImage.ReadPnm(TestPaths.Fixtures("jpeg", reference));
        var difference = ImageDifference.Measure(image, expected);
        output.WriteLine($"{jpeg}: {difference}");
        Assert.Equal(0, difference.MaxDifference);
    }

    [Theory]
    [InlineData("truncated-baseline.jpg")]
    [InlineData("truncated-progressive.jpg")]
    public void Decode_TruncatedFile_FailsByDefaultLikePillow(string jpeg)
    {
        var error = Assert.Throws<InvalidImageException>(() => JpegDecoder.Decode(File.ReadAllBytes(TestPaths.Fixtures("jpeg", jpeg))));
        Assert.StartsWith("truncated data", error.Message);
    }

    /// <summary>djpeg warns "Premature end of JPEG file" and decodes what is there; so do we when asked to.</summary>
    [Fact]
    public void Decode_TruncatedBaselineAllowed_MatchesDjpegBitForBit()
    {
        using ImageBuffer image = JpegDecoder.Decode(File.ReadAllBytes(TestPaths.Fixtures("jpeg", "truncated-baseline.jpg")), AllowTruncated);
        var expected = ReferenceImage.ReadPnm(TestPaths.Fixtures("jpeg", "truncated-baseline.ppm"));
        var difference = ImageDifference.Measure(image, expected);
        output.WriteLine($"truncated-baseline.jpg: {difference}");
        Assert.Equal(0, difference.MaxDifference);
    }

    private static readonly DecodeOptions AllowTruncated = new() { AllowTruncated = true };

    /// <summary>
    /// For an incomplete progressive image libjpeg also applies inter-block smoothing (jdcoefct.c), estimating
    /// the missing low AC coefficients from neighbouring DC values. We do not implement that, so this
    /// comparison is loose: it shows the available scans were decoded, not djpeg's estimate.
    /// </summary>
    [Fact]
    public void Decode_TruncatedProgressive_IsCloseToDjpegsSmoothedDecode()
    {
        using ImageBuffer image = JpegDecoder.Decode(File.ReadAllBytes(TestPaths.Fixtures("jpeg", "truncated-progressive.jpg")), AllowTruncated);
        var expected = ReferenceImage.ReadPnm(TestPaths.Fixtures("jpeg", "truncated-progressive.ppm"));
        var difference = ImageDifference.Measure(image, expected);
        output.WriteLine($"truncated-progressive.jpg versus smoothed djpeg: {difference}");
        Assert.True(difference.Psnr >= 30, difference.ToString());
    }

    [Theory]
    [InlineData("cmyk.jpg")]
    [InlineData("ycck.jpg")]
    public void Decode_AdobeFourComponentImages_ConvertToRgbLikeImageMagick(string jpeg)
    {
        using ImageBuffer image = JpegDecoder.Decode(File.ReadAllBytes(TestPaths.Fixtures("jpeg", jpeg)));
        var expected = ReferenceImage.ReadPnm(TestPaths.Fixtures("jpeg", Path.ChangeExtension(jpeg, ".ppm")));
        var difference = ImageDifference.Measure(image, expected);
        output.WriteLine($"{jpeg}: {difference}");
        Assert.Equal(PixelFormat.Rgb24, image.Format);
        Assert.True(difference.MaxDifference <= 2, difference.ToString());
    }
}
