using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Encoding;
using ConcurrencyDemo.Tests.Common;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Decoding;

/// <summary>
/// Progressive files of every sampling layout cjpeg can make: their scans take turns on each MCU row, in one
/// MCU row of coefficients, and must give djpeg's pixels, whatever the MCU's shape and the image's edges.
/// </summary>
public sealed class JpegProgressiveSamplingTests(ITestOutputHelper output)
{
    public static TheoryData<string, int, int> Samplings() => new()
    {
        // cjpeg -sample: luma factors, chroma 1x1 unless listed.
        { "1x1", 77, 45 },
        { "2x2", 77, 45 },
        { "2x2", 1, 1 },
        { "2x2", 300, 17 },
        { "2x2", 17, 300 },
        { "2x1", 129, 65 },
        { "1x2", 65, 129 },
        { "4x1", 203, 61 },
        { "1x4", 61, 203 },
        { "3x1", 100, 50 },
        { "1x3", 50, 100 },
        { "4x2", 150, 90 },
        { "2x4", 90, 150 },
        { "4x2", 256, 256 },
        { "3x2", 300, 200 },
        { "4x2", 256, 10 },   // one MCU row
        { "1x1,2x2,2x2", 80, 60 },
        { "grey", 77, 45 },
        { "grey", 1000, 3 },
    };

    [Theory]
    [MemberData(nameof(Samplings))]
    public void ProgressiveSampling_DecodesAsDjpegDoes(string sampling, int width, int height)
    {
        if (ExternalTool.Cjpeg is not { } cjpeg || ExternalTool.Djpeg is not { } djpeg)
        {
            output.WriteLine("Skipped: cjpeg or djpeg is not installed.");
            return;
        }
        bool grey = sampling == "grey";
        using ImageBuffer source = JpegTestImages.CreateSmooth(width, height, grey ? PixelFormat.Gray8 : PixelFormat.Rgb24);
        var arguments = new List<string> { "-quality", "90", "-progressive" };
        if (!grey) arguments.AddRange(["-sample", sampling]);
        var encoded = ExternalTool.Run(cjpeg, arguments, JpegTestImages.ToPnm(source));
        Assert.True(encoded.ExitCode == 0, encoded.Stderr);

        using ImageBuffer decoded = JpegDecoder.Decode(encoded.Stdout);
        var reference = ExternalTool.Run(djpeg, ["-dct", "int", "-pnm"], encoded.Stdout);
        Assert.True(reference.ExitCode == 0, reference.Stderr);
        var (_, _, channels, samples) = JpegTestImages.ParsePnm(reference.Stdout);
        Assert.Equal(decoded.Channels, channels);
        Assert.True(decoded.Pixels.SequenceEqual(samples), $"{sampling} {width}x{height} differs from djpeg");
    }
}
