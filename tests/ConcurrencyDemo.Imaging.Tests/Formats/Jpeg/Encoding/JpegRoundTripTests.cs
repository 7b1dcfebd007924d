using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Decoding;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Encoding;

/// <summary>Our encoder's files read back by our decoder and, where it is installed, by djpeg, which must agree.</summary>
public sealed class JpegRoundTripTests(ITestOutputHelper output)
{
    public static TheoryData<int, int, PixelFormat, JpegSubsampling, int> Cases => new()
    {
        { 64, 48, PixelFormat.Rgb24, JpegSubsampling.Yuv420, 75 },
        { 97, 61, PixelFormat.Rgb24, JpegSubsampling.Yuv420, 90 },
        { 33, 70, PixelFormat.Rgb24, JpegSubsampling.Yuv444, 75 },
        { 1, 1, PixelFormat.Rgb24, JpegSubsampling.Yuv420, 75 },
        { 45, 17, PixelFormat.Gray8, JpegSubsampling.Yuv420, 95 },
        { 80, 80, PixelFormat.Rgba32, JpegSubsampling.Yuv444, 85 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Our_decoder_reads_our_encoder_and_agrees_with_djpeg(int width, int height, PixelFormat format, JpegSubsampling subsampling, int quality)
    {
        using ImageBuffer source = JpegTestImages.CreateSmooth(width, height, format);
        string file = Path.Combine(Path.GetTempPath(), $"roundtrip-{Guid.NewGuid():N}.jpg");
        try
        {
            using (var stream = File.Create(file))
                JpegEncoder.Encode(source, stream, new JpegEncoderOptions { Quality = quality, Subsampling = subsampling });

            using ImageBuffer decoded = JpegDecoder.Decode(File.ReadAllBytes(file));
            Assert.Equal((width, height), (decoded.Width, decoded.Height));
            Assert.Equal(format == PixelFormat.Gray8 ? PixelFormat.Gray8 : PixelFormat.Rgb24, decoded.Format);
            double psnr = JpegTestImages.Psnr(source, decoded.Pixels.ToArray(), decoded.Channels);
            output.WriteLine($"{width}x{height} {format} {subsampling} q{quality}: PSNR {psnr:0.0} dB against the source");
            Assert.True(psnr >= 30, $"PSNR {psnr:0.0} dB");

            if (ReferenceImage.DecodeWithDjpeg(file) is not { } djpeg)
            {
                output.WriteLine("djpeg half SKIPPED: /usr/bin/djpeg is not installed.");
                return;
            }
            Assert.Equal(0, ImageDifference.Measure(decoded, djpeg).MaxDifference);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
