using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Tests.Common;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Encoding;

/// <summary>Checks our JPEGs against libjpeg-turbo's djpeg and cjpeg (skipped, with a message, where they are missing).</summary>
public sealed class JpegReferenceToolTests(ITestOutputHelper output)
{
    public static TheoryData<PixelFormat, JpegSubsampling, int, int, int, double> RoundTripCases() => new()
    {
        { PixelFormat.Rgb24, JpegSubsampling.Yuv420, 75, 256, 192, 30 },
        { PixelFormat.Rgb24, JpegSubsampling.Yuv444, 75, 256, 192, 30 },
        { PixelFormat.Rgb24, JpegSubsampling.Yuv420, 95, 256, 192, 36 },
        { PixelFormat.Rgb24, JpegSubsampling.Yuv444, 95, 256, 192, 38 },
        { PixelFormat.Rgb24, JpegSubsampling.Yuv420, 75, 67, 41, 30 },
        { PixelFormat.Rgb24, JpegSubsampling.Yuv444, 75, 1, 1, 30 },
        { PixelFormat.Rgb24, JpegSubsampling.Yuv420, 75, 17, 9, 30 },
        { PixelFormat.Rgba32, JpegSubsampling.Yuv420, 75, 45, 30, 30 },
        { PixelFormat.Gray8, JpegSubsampling.Yuv420, 75, 256, 192, 32 },
        { PixelFormat.Gray8, JpegSubsampling.Yuv420, 95, 99, 37, 38 },
        { PixelFormat.Gray8, JpegSubsampling.Yuv444, 50, 3, 13, 28 },
    };

    [Theory]
    [MemberData(nameof(RoundTripCases))]
    public void DjpegDecodesOurOutputCloseToTheSource(PixelFormat format, JpegSubsampling subsampling, int quality, int width, int height, double minimumPsnr)
    {
        if (ExternalTool.Djpeg is not { } djpeg)
        {
            output.WriteLine("Skipped: /usr/bin/djpeg is not installed.");
            return;
        }
        using ImageBuffer image = JpegTestImages.CreateSmooth(width, height, format);
        byte[] jpeg = Encode(image, new JpegEncoderOptions { Quality = quality, Subsampling = subsampling });
        var result = ExternalTool.Run(djpeg, ["-dct", "int", "-pnm"], jpeg);
        Assert.True(result.ExitCode == 0 && result.Stderr.Length == 0, $"djpeg: exit {result.ExitCode}, {result.Stderr}");
        var (w, h, channels, samples) = JpegTestImages.ParsePnm(result.Stdout);
        Assert.Equal((width, height), (w, h));
        double psnr = JpegTestImages.Psnr(image, samples, channels);
        output.WriteLine($"{format} {subsampling} q{quality} {width}x{height}: {jpeg.Length} bytes, PSNR {psnr:F2} dB");
        Assert.True(psnr >= minimumPsnr, $"PSNR {psnr:F2} dB is below {minimumPsnr} dB");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(25)]
    [InlineData(50)]
    [InlineData(75)]
    [InlineData(90)]
    [InlineData(95)]
    [InlineData(100)]
    public void QuantizationTablesEqualCjpegsAtTheSameQuality(int quality)
    {
        if (ExternalTool.Cjpeg is not { } cjpeg)
        {
            output.WriteLine("Skipped: /usr/bin/cjpeg is not installed.");
            return;
        }
        using ImageBuffer image = JpegTestImages.CreateSmooth(32, 32, PixelFormat.Rgb24);
        var result = ExternalTool.Run(cjpeg, ["-quality", quality.ToString(), "-baseline"], JpegTestImages.ToPnm(image));
        Assert.True(result.ExitCode == 0, result.Stderr);
        var theirs = JpegTestImages.ReadQuantizationTables(result.Stdout);
        var ours = JpegTestImages.ReadQuantizationTables(Encode(image, new JpegEncoderOptions { Quality = quality }));
        Assert.Equal(2, ours.Count);
        Assert.Equal(theirs[0], ours[0]);
        Assert.Equal(theirs[1], ours[1]);
    }

    /// <summary>
    /// Same quality, subsampling, colour conversion, integer DCT, rounding, Huffman tables, edge padding and
    /// dummy blocks as libjpeg: the files must be byte-identical to cjpeg's, odd sizes included.
    /// </summary>
    [Theory]
    [InlineData(PixelFormat.Rgb24, JpegSubsampling.Yuv420, 75, 128, 64)]
    [InlineData(PixelFormat.Rgb24, JpegSubsampling.Yuv420, 75, 67, 41)]
    [InlineData(PixelFormat.Rgb24, JpegSubsampling.Yuv420, 30, 17, 9)]
    [InlineData(PixelFormat.Rgb24, JpegSubsampling.Yuv420, 85, 1, 1)]
    [InlineData(PixelFormat.Rgb24, JpegSubsampling.Yuv420, 75, 30, 30)]
    [InlineData(PixelFormat.Rgb24, JpegSubsampling.Yuv420, 50, 2, 18)]
    [InlineData(PixelFormat.Rgba32, JpegSubsampling.Yuv420, 75, 45, 30)]
    [InlineData(PixelFormat.Rgb24, JpegSubsampling.Yuv420, 75, 45, 30)]
    [InlineData(PixelFormat.Rgb24, JpegSubsampling.Yuv444, 90, 128, 64)]
    [InlineData(PixelFormat.Rgb24, JpegSubsampling.Yuv444, 100, 33, 31)]
    [InlineData(PixelFormat.Gray8, JpegSubsampling.Yuv420, 60, 128, 64)]
    [InlineData(PixelFormat.Gray8, JpegSubsampling.Yuv420, 5, 99, 37)]
    public void OutputIsByteIdenticalToCjpeg(PixelFormat format, JpegSubsampling subsampling, int quality, int width, int height)
    {
        if (ExternalTool.Cjpeg is not { } cjpeg)
        {
            output.WriteLine("Skipped: /usr/bin/cjpeg is not installed.");
            return;
        }
        using ImageBuffer image = JpegTestImages.CreateSmooth(width, height, format);
        string sampling = format == PixelFormat.Gray8 ? "1x1" : subsampling == JpegSubsampling.Yuv420 ? "2x2,1x1,1x1" : "1x1,1x1,1x1";
        var result = ExternalTool.Run(cjpeg,
            ["-quality", quality.ToString(), "-baseline", "-dct", "int", "-sample", sampling], JpegTestImages.ToPnm(image));
        Assert.True(result.ExitCode == 0, result.Stderr);
        byte[] ours = Encode(image, new JpegEncoderOptions { Quality = quality, Subsampling = subsampling });
        output.WriteLine($"cjpeg {result.Stdout.Length} bytes, ours {ours.Length} bytes");
        int firstDifference = result.Stdout.AsSpan().CommonPrefixLength(ours);
        Assert.True(firstDifference == ours.Length && ours.Length == result.Stdout.Length,
            $"files differ from byte {firstDifference} (cjpeg {result.Stdout.Length} bytes, ours {ours.Length})");
    }

    internal static byte[] Encode(ImageBuffer image, JpegEncoderOptions options)
    {
        using var stream = new MemoryStream();
        JpegEncoder.Encode(image, stream, options);
        return stream.ToArray();
    }
}
