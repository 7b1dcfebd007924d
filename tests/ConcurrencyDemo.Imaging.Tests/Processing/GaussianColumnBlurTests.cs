using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Processing;

namespace ConcurrencyDemo.Imaging.Tests.Processing;

public sealed class GaussianColumnBlurTests
{
    public static TheoryData<int, int, PixelFormat, float, int> Cases() => new()
    {
        { 1, 1, PixelFormat.Rgb24, 2f, 1 },
        { 1, 37, PixelFormat.Gray8, 3f, 5 },
        { 37, 1, PixelFormat.Rgba32, 3f, 1 },
        { 101, 23, PixelFormat.Rgb24, 15f, 16 },
        { 23, 101, PixelFormat.Rgb24, 0.7f, 1 },
        { 67, 19, PixelFormat.Gray8, 40f, 8 },
        { 31, 45, PixelFormat.Rgba32, 4.4f, 7 },
        { 130, 117, PixelFormat.Rgb24, 1.5f, 16 },
        { 59, 211, PixelFormat.Rgb24, 15f, 13 },
        { 17, 64, PixelFormat.Gray8, 0.3f, 64 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rows_reported_in_order_give_the_row_blur_of_the_transposed_image_on_every_path(
        int width, int height, PixelFormat format, float radius, int rowsPerReport)
    {
        using ImageBuffer original = TestImages.Random(width, height, format, seed: width * 7 + height);
        byte[] expected = ColumnsBlurredAsRows(original, radius);
        foreach (LaneKernelPath path in Enum.GetValues<LaneKernelPath>())
        {
            using ImageBuffer image = TestImages.Copy(original);
            using (var columns = new GaussianColumnBlur(radius, path))
            {
                for (int reported = rowsPerReport; reported < height; reported += rowsPerReport)
                    columns.BlurFinalRows(image.Pixels[..(reported * image.Stride)], width, height, format);
                columns.Finish(image);
                Assert.True(radius == 0 || columns.Seconds > 0, "the column blur measured no time");
            }
            Assert.True(expected.AsSpan().SequenceEqual(image.Pixels), $"the {path} path gave other bytes");
        }
    }

    [Theory]
    [InlineData(59, 211, PixelFormat.Rgb24, 15f, 512, 16)]
    [InlineData(40, 90, PixelFormat.Rgba32, 6f, 2000, 7)]
    [InlineData(33, 20, PixelFormat.Gray8, 40f, 100, 3)]
    public void Beyond_the_ring_budget_the_columns_are_blurred_strip_by_strip_once_the_last_row_has_arrived(
        int width, int height, PixelFormat format, float radius, int ringBudgetBytes, int rowsPerReport)
    {
        using ImageBuffer original = TestImages.Random(width, height, format, seed: height);
        byte[] expected = ColumnsBlurredAsRows(original, radius);
        foreach (LaneKernelPath path in Enum.GetValues<LaneKernelPath>())
        {
            using ImageBuffer image = TestImages.Copy(original);
            using var columns = new GaussianColumnBlur(radius, path, ringBudgetBytes);
            for (int reported = rowsPerReport; reported < height; reported += rowsPerReport)
            {
                columns.BlurFinalRows(image.Pixels[..(reported * image.Stride)], width, height, format);
                Assert.True(original.Pixels.SequenceEqual(image.Pixels), "a row was blurred before the last row arrived");
            }
            Assert.False(columns.FollowsRows);
            columns.Finish(image);
            Assert.True(expected.AsSpan().SequenceEqual(image.Pixels), $"the {path} path gave other bytes");
        }
    }

    [Fact]
    public void At_the_default_radius_a_wide_photo_is_blurred_as_its_rows_arrive()
    {
        using ImageBuffer image = TestImages.Random(6000, 40, PixelFormat.Rgb24, seed: 1);
        using var columns = new GaussianColumnBlur(15f);
        columns.BlurFinalRows(image.Pixels[..image.Stride], image.Width, image.Height, image.Format);
        Assert.True(columns.FollowsRows);
    }

    [Fact]
    public void A_row_is_written_back_only_once_the_rows_below_it_that_it_needs_have_arrived()
    {
        // Sigma 2 is a box of radius 1 (whole taps); three passes reach 3 * (1 + 1) = 6 rows down.
        using ImageBuffer image = TestImages.Random(20, 40, PixelFormat.Gray8, seed: 5);
        byte[] before = image.Pixels.ToArray();
        byte[] expected = ColumnsBlurredAsRows(image, 2f);
        using var columns = new GaussianColumnBlur(2f);

        columns.BlurFinalRows(image.Pixels[..(10 * image.Stride)], image.Width, image.Height, image.Format);
        int finished = 10 - 6;
        Assert.Equal(expected[..(finished * image.Stride)], image.Pixels[..(finished * image.Stride)].ToArray());
        Assert.Equal(before[(finished * image.Stride)..], image.Pixels[(finished * image.Stride)..].ToArray());
    }

    [Fact]
    public void Rows_of_another_image_are_refused()
    {
        using ImageBuffer image = TestImages.Random(40, 40, PixelFormat.Gray8, seed: 3);
        using ImageBuffer other = TestImages.Random(41, 40, PixelFormat.Gray8, seed: 3);
        using var columns = new GaussianColumnBlur(2f);
        columns.Finish(image);
        Assert.Throws<InvalidOperationException>(() => columns.Finish(other));
    }

    [Fact]
    public void More_rows_than_the_image_has_are_refused()
    {
        using ImageBuffer image = TestImages.Random(40, 40, PixelFormat.Gray8, seed: 3);
        using var columns = new GaussianColumnBlur(2f);
        Assert.Throws<ArgumentException>(() => columns.BlurFinalRows(image.Array, image.Width, image.Height - 1, image.Format));
    }

    /// <summary>The reference: the image transposed, its rows blurred by the row kernel, transposed back.</summary>
    private static byte[] ColumnsBlurredAsRows(ImageBuffer image, float radius)
    {
        int channels = image.Channels;
        using var transposed = new ImageBuffer(image.Height, image.Width, image.Format);
        Transpose(image, transposed);
        using (var rows = new GaussianRowBlur(radius, LaneKernelPath.Scalar))
            rows.Finish(transposed);
        using var result = new ImageBuffer(image.Width, image.Height, image.Format);
        Transpose(transposed, result);
        return result.Pixels.ToArray();

        void Transpose(ImageBuffer from, ImageBuffer to)
        {
            for (int y = 0; y < from.Height; y++)
                for (int x = 0; x < from.Width; x++)
                    from.GetRow(y).Slice(x * channels, channels).CopyTo(to.GetRow(x).Slice(y * channels, channels));
        }
    }
}
