using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Processing;

namespace ConcurrencyDemo.Imaging.Tests.Processing;

public sealed class ExifOrientationTests
{
    // Expected bytes are what Pillow 9.4 transpose() gives for the stored 3x2 gray image:
    //                         1 2 3
    //                         4 5 6
    [Theory]
    [InlineData(1, 3, 2, new byte[] { 1, 2, 3, 4, 5, 6 })]
    [InlineData(2, 3, 2, new byte[] { 3, 2, 1, 6, 5, 4 })]
    [InlineData(3, 3, 2, new byte[] { 6, 5, 4, 3, 2, 1 })]
    [InlineData(4, 3, 2, new byte[] { 4, 5, 6, 1, 2, 3 })]
    [InlineData(5, 2, 3, new byte[] { 1, 4, 2, 5, 3, 6 })]
    [InlineData(6, 2, 3, new byte[] { 4, 1, 5, 2, 6, 3 })]
    [InlineData(7, 2, 3, new byte[] { 6, 3, 5, 2, 4, 1 })]
    [InlineData(8, 2, 3, new byte[] { 3, 6, 2, 5, 1, 4 })]
    [InlineData(0, 3, 2, new byte[] { 1, 2, 3, 4, 5, 6 })]
    public void Each_orientation_is_turned_upright(int orientation, int width, int height, byte[] expected)
    {
        using var stored = new ImageBuffer(3, 2, PixelFormat.Gray8) { Orientation = orientation };
        new byte[] { 1, 2, 3, 4, 5, 6 }.CopyTo(stored.Pixels);

        using ImageBuffer upright = ExifOrientation.Apply(stored);

        Assert.Equal((width, height, 1), (upright.Width, upright.Height, upright.Orientation));
        Assert.Equal(expected, upright.Pixels.ToArray());
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, stored.Pixels.ToArray());
    }

    [Fact]
    public void Whole_pixels_move_together()
    {
        using ImageBuffer stored = TestImages.Random(5, 3, PixelFormat.Rgb24, seed: 9);
        stored.Orientation = 6;
        using ImageBuffer upright = ExifOrientation.Apply(stored);
        // 90 degrees clockwise: the stored bottom-left pixel becomes the top-left one.
        Assert.Equal(stored.GetRow(2)[..3].ToArray(), upright.GetRow(0)[..3].ToArray());
    }
}
