using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Processing;

namespace ConcurrencyDemo.Imaging.Tests.Processing;

public sealed class GaussianRowBlurTests
{
    [Theory]
    [InlineData(1, PixelFormat.Rgb24)]
    [InlineData(8, PixelFormat.Rgb24)]
    [InlineData(16, PixelFormat.Gray8)]
    [InlineData(21, PixelFormat.Rgba32)]
    public void Rows_blurred_as_they_are_reported_then_the_columns_give_the_whole_blur(int rowsPerReport, PixelFormat format)
    {
        using ImageBuffer expected = TestImages.Random(83, 53, format, seed: 7);
        using ImageBuffer image = TestImages.Random(83, 53, format, seed: 7);
        GaussianBlur.Apply(expected, 3.5f);

        using (var rows = new GaussianRowBlur(3.5f))
        {
            for (int reported = rowsPerReport; reported < image.Height; reported += rowsPerReport)
                rows.BlurFinalRows(image.Pixels[..(reported * image.Stride)], image.Width, image.Height, format);
            rows.Finish(image);
            Assert.True(rows.Seconds > 0, "the row blur measured no time");
        }
        using (var columns = new GaussianColumnBlur(3.5f))
            columns.Finish(image);

        Assert.Equal(expected.Pixels.ToArray(), image.Pixels.ToArray());
    }

    [Fact]
    public void Rows_not_yet_in_a_whole_block_wait_for_more_rows()
    {
        using ImageBuffer image = TestImages.Random(40, 40, PixelFormat.Gray8, seed: 3);
        byte[] before = image.Pixels.ToArray();
        using var rows = new GaussianRowBlur(2f);

        rows.BlurFinalRows(image.Pixels[..((GaussianRowBlur.RowsPerBlock - 1) * image.Stride)], image.Width, image.Height, image.Format);
        Assert.Equal(before, image.Pixels.ToArray());

        rows.BlurFinalRows(image.Pixels[..(GaussianRowBlur.RowsPerBlock * image.Stride)], image.Width, image.Height, image.Format);
        int blockBytes = GaussianRowBlur.RowsPerBlock * image.Stride;
        Assert.NotEqual(before[..blockBytes], image.Pixels[..blockBytes].ToArray());
        Assert.Equal(before[blockBytes..], image.Pixels[blockBytes..].ToArray());
    }

    [Fact]
    public void Rows_of_another_image_are_refused()
    {
        using ImageBuffer image = TestImages.Random(40, 40, PixelFormat.Gray8, seed: 3);
        using ImageBuffer other = TestImages.Random(41, 40, PixelFormat.Gray8, seed: 3);
        using var rows = new GaussianRowBlur(2f);
        rows.Finish(image);
        Assert.Throws<InvalidOperationException>(() => rows.Finish(other));
    }

    [Fact]
    public void More_rows_than_the_image_has_are_refused()
    {
        using ImageBuffer image = TestImages.Random(40, 40, PixelFormat.Gray8, seed: 3);
        using var rows = new GaussianRowBlur(2f);
        Assert.Throws<ArgumentException>(() => rows.BlurFinalRows(image.Array, image.Width, image.Height - 1, image.Format));
    }

    [Theory]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    public void Invalid_radius_is_rejected_naming_the_radius(float radius)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianRowBlur(radius));
        Assert.Equal("radius", error.ParamName);
    }
}
