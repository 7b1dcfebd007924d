using ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Encoding;
using ConcurrencyDemo.Tests.Common;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Decoding;

/// <summary>
/// Buffered (progressive, multi-scan) JPEGs emit their pixels over their own coefficients when the
/// sampling allows it. Emitting into a separate image must give exactly the same pixels, for every
/// fixture and for progressive files of every sampling layout cjpeg can make, the fallback included.
/// </summary>
public sealed unsafe class JpegInPlaceOutputTests(ITestOutputHelper output)
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(TestPaths.Fixtures("jpeg"), "*.jpg").Order())
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_DecodesTheSameInPlaceAndSeparately(string jpeg)
    {
        byte[] data = File.ReadAllBytes(TestPaths.Fixtures("jpeg", jpeg));
        // Truncated fixtures too: what is missing is left as libjpeg leaves it, on both paths.
        var options = new DecodeOptions { AllowTruncated = true };
        AssertSameBothWays(data, options, jpeg);
    }

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
        { "4x2", 150, 90 },   // in place only thanks to the padding of the last MCU column
        { "2x4", 90, 150 },
        { "4x2", 256, 256 },  // 1280 bytes of coefficients per 1536 bytes of RGB: the separate fallback
        { "3x2", 300, 200 },  // likewise, 1024 for 1152
        { "4x2", 256, 10 },   // one MCU row: the pixels are written once every coefficient is read
        { "1x1,2x2,2x2", 80, 60 },
        { "grey", 77, 45 },
        { "grey", 1000, 3 },
    };

    [Theory]
    [MemberData(nameof(Samplings))]
    public void ProgressiveSampling_DecodesTheSameInPlaceSeparatelyAndInDjpeg(string sampling, int width, int height)
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

        using ImageBuffer decoded = AssertSameBothWays(encoded.Stdout, DecodeOptions.Default, $"{sampling} {width}x{height}");
        var reference = ExternalTool.Run(djpeg, ["-dct", "int", "-pnm"], encoded.Stdout);
        Assert.True(reference.ExitCode == 0, reference.Stderr);
        var (_, _, channels, samples) = JpegTestImages.ParsePnm(reference.Stdout);
        Assert.Equal(decoded.Channels, channels);
        Assert.True(decoded.Pixels.SequenceEqual(samples), $"{sampling} {width}x{height} differs from djpeg");
    }

    [Fact]
    public void CanHoldOutput_AgreesWithAStripByStripSimulation()
    {
        // The closed form checks only the last strip; simulate every strip of the emission order.
        var random = new Random(7);
        for (int trial = 0; trial < 100_000; trial++)
        {
            int rows = random.Next(1, 40);
            long coefficientRow = random.Next(1, 5000);
            long outputRow = random.Next(1, 5000);
            bool safe = true;
            for (int s = 1; s < rows; s++)
                safe &= s * outputRow <= (s + 1) * coefficientRow; // strip s-1's pixels end before unread row s+1
            Assert.Equal(safe, JpegCoefficientBuffer.CanHoldOutput(rows, coefficientRow, outputRow));
        }
    }

    [Theory]
    [InlineData(new[] { 0x11 }, true)]                  // grey: 2 bytes of coefficients per output byte
    [InlineData(new[] { 0x22, 0x11, 0x11 }, true)]      // 4:2:0: exactly 3 bytes per pixel either way
    [InlineData(new[] { 0x21, 0x11, 0x11 }, true)]      // 4:2:2
    [InlineData(new[] { 0x12, 0x11, 0x11 }, true)]      // 4:4:0
    [InlineData(new[] { 0x41, 0x11, 0x11 }, true)]      // 4:1:1
    [InlineData(new[] { 0x31, 0x11, 0x11 }, true)]      // 3x1
    [InlineData(new[] { 0x11, 0x11, 0x11 }, true)]      // 4:4:4
    [InlineData(new[] { 0x11, 0x11, 0x11, 0x11 }, true)] // CMYK: 8 bytes of coefficients, 3 of RGB
    [InlineData(new[] { 0x42, 0x11, 0x11 }, false)]     // 10 blocks of coefficients (1280 bytes) for 512 pixels (1536 bytes of RGB)
    [InlineData(new[] { 0x32, 0x11, 0x11 }, false)]     // 8 blocks (1024 bytes) for 384 pixels (1152 bytes)
    [InlineData(new[] { 0x44, 0x11, 0x11 }, false)]     // only in non-interleaved scans: 18 blocks (2304 bytes) for 1024 pixels (3072 bytes)
    public void CommonSamplings_HoldTheirOutputInPlace(int[] factors, bool expected)
    {
        // A large frame, where the MCU-row totals decide, built from an SOF payload.
        var segment = new List<byte> { 8, 4000 >> 8, 4000 & 255, 6000 >> 8, 6000 & 255, (byte)factors.Length };
        for (int i = 0; i < factors.Length; i++) segment.AddRange([(byte)(i + 1), (byte)factors[i], 0]);
        JpegFrame frame = JpegFrame.Parse(segment.ToArray(), progressive: true);
        int outputStride = frame.Width * (factors.Length == 1 ? 1 : 3);
        using JpegCoefficientBuffer buffer = JpegCoefficientBuffer.Create(frame, outputStride, allowOutputInPlace: true);
        Assert.Equal(expected, buffer.HoldsOutput);
        using JpegCoefficientBuffer separate = JpegCoefficientBuffer.Create(frame, outputStride, allowOutputInPlace: false);
        Assert.False(separate.HoldsOutput);
    }

    private ImageBuffer AssertSameBothWays(byte[] data, DecodeOptions options, string name)
    {
        ImageBuffer? inPlace = null, separate = null;
        Exception? inPlaceError = null, separateError = null;
        try { inPlace = JpegDecoderSession.Decode(data, options, allowOutputInPlace: true); }
        catch (Exception e) when (e is InvalidImageException or UnsupportedImageException) { inPlaceError = e; }
        try { separate = JpegDecoderSession.Decode(data, options, allowOutputInPlace: false); }
        catch (Exception e) when (e is InvalidImageException or UnsupportedImageException) { separateError = e; }
        using (separate)
        {
            if (inPlace is null || separate is null)
            {
                inPlace?.Dispose();
                output.WriteLine($"{name}: not decodable ({inPlaceError?.Message ?? separateError?.Message})");
                Assert.Equal(separateError?.GetType(), inPlaceError?.GetType());
                Assert.Equal(separateError?.Message, inPlaceError?.Message);
                return new ImageBuffer(1, 1, PixelFormat.Gray8);
            }
            output.WriteLine($"{name}: {inPlace.Width}x{inPlace.Height} {inPlace.Format}");
            Assert.Equal((separate.Width, separate.Height, separate.Format, separate.Orientation), (inPlace.Width, inPlace.Height, inPlace.Format, inPlace.Orientation));
            Assert.True(inPlace.Pixels.SequenceEqual(separate.Pixels), $"{name}: in-place output differs");
            return inPlace;
        }
    }
}
