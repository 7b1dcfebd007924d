using ConcurrencyDemo.Imaging;

namespace ConcurrencyDemo.Timelines.Tests.Browser;

/// <summary>What a screenshot holds, read with our own PNG decoder: enough to tell a drawing from a blank page.</summary>
internal sealed record PictureStatistics(int Width, int Height, double LuminanceDeviation, double OffBackgroundShare, int ItemBluePixels)
{
    /// <summary>The bars' blue (#3b7dd8), give or take the browser's anti-aliasing.</summary>
    private static readonly (int R, int G, int B) ItemBlue = (0x3b, 0x7d, 0xd8);

    public static PictureStatistics Measure(byte[] png)
    {
        using var image = ImageCodec.Decode(png);
        int channels = image.Channels;
        var counts = new Dictionary<int, int>();
        double sum = 0, sumOfSquares = 0;
        int blue = 0;
        for (int y = 0; y < image.Height; y++)
        {
            var row = image.GetRow(y);
            for (int x = 0; x < image.Width; x++)
            {
                int r, g, b;
                if (channels >= 3) (r, g, b) = (row[x * channels], row[x * channels + 1], row[x * channels + 2]);
                else r = g = b = row[x * channels];
                double luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
                sum += luminance;
                sumOfSquares += luminance * luminance;
                int colour = (r << 16) | (g << 8) | b;
                counts[colour] = counts.GetValueOrDefault(colour) + 1;
                if (Math.Abs(r - ItemBlue.R) < 12 && Math.Abs(g - ItemBlue.G) < 12 && Math.Abs(b - ItemBlue.B) < 12) blue++;
            }
        }
        double pixels = (double)image.Width * image.Height;
        double mean = sum / pixels;
        double deviation = Math.Sqrt(Math.Max(0, sumOfSquares / pixels - mean * mean));
        double background = counts.Values.Max();
        return new PictureStatistics(image.Width, image.Height, deviation, 1 - background / pixels, blue);
    }
}
