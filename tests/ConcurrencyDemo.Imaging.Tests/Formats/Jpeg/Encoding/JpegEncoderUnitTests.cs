using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Formats.Jpeg.Encoding;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Encoding;

public sealed unsafe class JpegEncoderUnitTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public void QualityOutsideOneToHundredIsRejected(int quality)
    {
        using var image = new ImageBuffer(8, 8, PixelFormat.Rgb24);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            JpegEncoder.Encode(image, new MemoryStream(), new JpegEncoderOptions { Quality = quality }));
        Assert.Equal("Quality", error.ParamName);
    }

    [Fact]
    public void QualityFiftyIsTheAnnexKTable()
    {
        Assert.Equal(JpegTables.LuminanceQuantization.ToArray(), QuantizationTableScaler.Scale(JpegTables.LuminanceQuantization, 50));
    }

    [Fact]
    public void TablesAreClampedToBaselineRange()
    {
        Assert.All(QuantizationTableScaler.Scale(JpegTables.ChrominanceQuantization, 1), q => Assert.Equal(255, q));
        Assert.All(QuantizationTableScaler.Scale(JpegTables.LuminanceQuantization, 100), q => Assert.Equal(1, q));
    }

    [Fact]
    public void QuantizerRoundsHalfAwayFromZeroSymmetrically()
    {
        var table = new byte[64];
        Array.Fill(table, (byte)2); // divisor 16
        var quantizer = new CoefficientQuantizer(table);
        int* coefficients = stackalloc int[64];
        short* zigZag = stackalloc short[64];
        int[] inputs = [0, 7, 8, 9, 23, 24, -7, -8, -9, -24, -25, 1000, -1000];
        int[] expected = [0, 0, 1, 1, 1, 2, 0, -1, -1, -2, -2, 63, -63];
        for (int i = 0; i < 64; i++) coefficients[i] = i < inputs.Length ? inputs[i] : 0;
        ulong nonZero = quantizer.Quantize(coefficients, zigZag);
        ReadOnlySpan<byte> order = JpegTables.ZigZagToNatural;
        for (int k = 0; k < 64; k++)
        {
            int natural = order[k];
            int want = natural < expected.Length ? expected[natural] : 0;
            Assert.Equal(want, zigZag[k]);
            Assert.Equal(want != 0, (nonZero >> k & 1) != 0);
        }
    }

    [Fact]
    public void HuffmanCodesOfTheStandardTablesArePrefixFree()
    {
        foreach (var table in new[] { HuffmanEncodingTable.LuminanceDc, HuffmanEncodingTable.LuminanceAc, HuffmanEncodingTable.ChrominanceDc, HuffmanEncodingTable.ChrominanceAc })
        {
            var codes = table.Symbols.Select(s => (Code: table.Code(s), Length: table.Length(s))).ToList();
            Assert.All(codes, c => Assert.InRange(c.Length, 1, 16));
            foreach (var a in codes)
                foreach (var b in codes)
                    if (a != b && a.Length <= b.Length)
                        Assert.NotEqual(a.Code, b.Code >> (b.Length - a.Length));
        }
    }

    [Fact]
    public void FileStartsWithSoiAndJfifAndEndsWithEoi()
    {
        using var image = new ImageBuffer(3, 2, PixelFormat.Gray8);
        image.Pixels.Fill(0xFF); // a white image stresses 0xFF byte stuffing
        using var stream = new MemoryStream();
        JpegEncoder.Encode(image, stream);
        byte[] jpeg = stream.ToArray();
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, jpeg[..4]);
        Assert.Equal("JFIF\0"u8.ToArray(), jpeg[6..11]);
        Assert.Equal(new byte[] { 0xFF, 0xD9 }, jpeg[^2..]);
    }

    [Fact]
    public void ImagesLargerThanTheJpegLimitAreRejected()
    {
        using var image = new ImageBuffer(65536, 1, PixelFormat.Gray8);
        Assert.Throws<ArgumentException>(() => JpegEncoder.Encode(image, new MemoryStream()));
    }
}
