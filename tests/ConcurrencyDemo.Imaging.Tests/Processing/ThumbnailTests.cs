using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Processing;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Processing;

public sealed class ThumbnailTests(ITestOutputHelper output)
{
    [Fact]
    public void Size_matches_pillow_for_every_row_of_the_table()
    {
        var lines = File.ReadLines(PillowReferences.Path("thumbnail-sizes.txt")).Where(l => l.Length > 0 && l[0] != '#').ToList();
        Assert.True(lines.Count > 400, "the table should be the generated one");
        var mismatches = new List<string>();
        foreach (string line in lines)
        {
            int[] f = line.Split(' ').Select(int.Parse).ToArray();
            ImageSize size = Thumbnail.FitSize(f[0], f[1], f[2], f[3]);
            if (size != new ImageSize(f[4], f[5]))
                mismatches.Add($"{f[0]}x{f[1]} in {f[2]}x{f[3]}: Pillow {f[4]}x{f[5]}, ours {size}");
        }
        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData(6000, 4000, 1200, 800)]
    [InlineData(4000, 6000, 800, 1200)]
    [InlineData(5472, 3648, 1200, 800)]
    [InlineData(1200, 800, 1200, 800)]
    [InlineData(3, 10000, 1, 1200)]
    public void Tutorial_box_of_1200_fits_typical_photos(int width, int height, int expectedWidth, int expectedHeight)
    {
        Assert.Equal(new ImageSize(expectedWidth, expectedHeight), Thumbnail.FitSize(width, height, 1200, 1200));
    }

    public static TheoryData<string> ThumbnailCases()
    {
        var data = new TheoryData<string>();
        foreach (var c in PillowReferences.Cases("thumbnail")) data.Add(c.Result);
        return data;
    }

    [Theory]
    [MemberData(nameof(ThumbnailCases))]
    public void Blur_then_thumbnail_matches_pillow_reference(string result)
    {
        var c = PillowReferences.Cases("thumbnail").Single(x => x.Result == result);
        using ImageBuffer source = Netpbm.Read(PillowReferences.Path(c.Source));
        using ImageBuffer expected = Netpbm.Read(PillowReferences.Path(c.Result));
        GaussianBlur.Apply(source, c.Radius);

        using ImageBuffer thumbnail = Thumbnail.Create(source, c.BoxWidth, c.BoxHeight);

        ImageComparison.RequireSameShape(expected, thumbnail);
        int maxDifference = ImageComparison.MaxDifference(expected, thumbnail);
        double psnr = ImageComparison.Psnr(expected, thumbnail);
        output.WriteLine($"{c}: {thumbnail.Width}x{thumbnail.Height}, max difference {maxDifference}, PSNR {psnr:F1} dB");
        Assert.True(psnr >= 45, $"PSNR {psnr:F1} dB is below 45 dB");
        Assert.Equal(0, maxDifference);
    }

    [Fact]
    public void Image_that_already_fits_comes_back_as_an_unchanged_copy()
    {
        using ImageBuffer source = TestImages.Random(30, 20, PixelFormat.Rgb24, seed: 3);
        source.Orientation = 6;
        using ImageBuffer thumbnail = Thumbnail.Create(source, 30, 1000);
        Assert.NotSame(source, thumbnail);
        Assert.Equal((30, 20, 6), (thumbnail.Width, thumbnail.Height, thumbnail.Orientation));
        Assert.Equal(source.Pixels.ToArray(), thumbnail.Pixels.ToArray());
    }

    [Fact]
    public void Source_is_not_modified()
    {
        using ImageBuffer source = TestImages.Random(97, 61, PixelFormat.Rgba32, seed: 4);
        byte[] before = source.Pixels.ToArray();
        using ImageBuffer thumbnail = Thumbnail.Create(source, 10, 10);
        Assert.Equal(before, source.Pixels.ToArray());
        Assert.Equal((10, 6), (thumbnail.Width, thumbnail.Height));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, -1)]
    public void Empty_box_is_rejected(int maxWidth, int maxHeight)
    {
        using ImageBuffer source = TestImages.Random(4, 4, PixelFormat.Gray8, seed: 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => Thumbnail.Create(source, maxWidth, maxHeight));
    }

    [Fact]
    public void Reduce_averages_blocks_with_pillow_rounding_including_partial_edges()
    {
        using var source = new ImageBuffer(5, 3, PixelFormat.Gray8);
        byte[] values = [10, 20, 30, 40, 255, 11, 21, 31, 41, 0, 1, 2, 3, 4, 5];
        values.CopyTo(source.Pixels);
        using ImageBuffer reduced = BoxReduce.Reduce(source, 2, 2);
        Assert.Equal((3, 2), (reduced.Width, reduced.Height));
        // Pillow's Image.reduce(2) on the same bytes; 255 and 0 average to 128, not 127, by its rounding.
        Assert.Equal(new byte[] { 16, 36, 128, 2, 4, 5 }, reduced.Pixels.ToArray());
    }
}
