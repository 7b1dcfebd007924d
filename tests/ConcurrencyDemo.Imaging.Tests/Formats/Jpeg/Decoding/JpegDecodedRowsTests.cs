using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Tests.Common;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Decoding;

/// <summary>The decoder tells its caller which rows are final, MCU row by MCU row, and they are.</summary>
public sealed class JpegDecodedRowsTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(TestPaths.Fixtures("jpeg", name));

    [Theory]
    [InlineData("baseline-420.jpg", 16)]    // one scan, streamed straight to pixels
    [InlineData("baseline-422.jpg", 8)]
    [InlineData("progressive-420.jpg", 16)] // buffered: the scans take turns on each MCU row
    [InlineData("progressive-grey.jpg", 8)]
    [InlineData("noninterleaved.jpg", 16)]
    public void Rows_reported_final_hold_the_decoded_pixels(string name, int mcuHeight)
    {
        byte[] data = Fixture(name);
        using ImageBuffer plain = JpegDecoder.Decode(data);
        var reports = new List<(int Rows, byte[] Pixels)>();
        using ImageBuffer reported = JpegDecoderSession.Decode(data, DecodeOptions.Default,
            (rowsSoFar, width, height, format) =>
            {
                Assert.Equal((plain.Width, plain.Height, plain.Format), (width, height, format));
                reports.Add((rowsSoFar.Length / plain.Stride, rowsSoFar.ToArray()));
            });

        int[] expectedRows = Enumerable.Range(1, (plain.Height + mcuHeight - 1) / mcuHeight)
            .Select(strip => Math.Min(plain.Height, strip * mcuHeight)).ToArray();
        Assert.Equal(expectedRows, reports.Select(r => r.Rows).ToArray());
        foreach ((int rows, byte[] pixels) in reports)
            Assert.Equal(plain.Pixels[..(rows * plain.Stride)].ToArray(), pixels);
        Assert.Equal(plain.Pixels.ToArray(), reported.Pixels.ToArray());
    }

    [Fact]
    public void Rows_changed_when_reported_are_what_the_decoded_image_holds()
    {
        byte[] data = Fixture("progressive-420.jpg");
        int changedRows = 0;
        using ImageBuffer image = JpegDecoder.Decode(data, DecodeOptions.Default, (rowsSoFar, width, _, format) =>
        {
            int stride = width * (int)format;
            int rows = rowsSoFar.Length / stride;
            rowsSoFar[(changedRows * stride)..].Fill(7);
            changedRows = rows;
        });
        Assert.Equal(image.Height, changedRows);
        Assert.All(image.Pixels.ToArray(), value => Assert.Equal(7, value));
    }
}
