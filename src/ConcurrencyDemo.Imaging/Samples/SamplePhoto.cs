using ConcurrencyDemo.Imaging.Formats;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Samples;

/// <summary>
/// Photo-like pictures made from a seed, for demos and tests that must run without real photos: soft
/// gradients (a sky, a ground), a few blurred discs and a little grain, so that blur, resampling and JPEG
/// behave as they do on photographs rather than on flat colour. The same seed and size always give the same
/// pixels, on every machine, so the bytes can be compared.
/// </summary>
public static class SamplePhoto
{
    public static ImageBuffer Create(int width, int height, int seed)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentOutOfRangeException(width <= 0 ? nameof(width) : nameof(height), "A sample photo needs a width and a height of at least one pixel.");
        var random = new XorShift(seed);
        var image = new ImageBuffer(width, height, PixelFormat.Rgb24);
        // Colours of the upper and lower half, and a horizon somewhere in the middle third.
        Span<int> sky = [random.Next(60, 140), random.Next(110, 190), random.Next(170, 255)];
        Span<int> ground = [random.Next(40, 160), random.Next(60, 150), random.Next(20, 90)];
        int horizon = height / 3 + random.Next(0, Math.Max(1, height / 3));
        var discs = new (int X, int Y, int R, int Red, int Green, int Blue)[6];
        for (int i = 0; i < discs.Length; i++)
            discs[i] = (random.Next(0, width), random.Next(0, height), random.Next(Math.Max(2, width / 20), Math.Max(3, width / 6)),
                random.Next(0, 256), random.Next(0, 256), random.Next(0, 256));

        for (int y = 0; y < height; y++)
        {
            Span<byte> row = image.GetRow(y);
            bool above = y < horizon;
            double t = above ? (double)y / Math.Max(1, horizon) : (double)(y - horizon) / Math.Max(1, height - horizon);
            for (int x = 0; x < width; x++)
            {
                double r = above ? sky[0] * (0.7 + 0.3 * t) : ground[0] * (1.0 - 0.4 * t);
                double g = above ? sky[1] * (0.7 + 0.3 * t) : ground[1] * (1.0 - 0.4 * t);
                double b = above ? sky[2] * (0.8 + 0.2 * t) : ground[2] * (1.0 - 0.4 * t);
                foreach (var disc in discs)
                {
                    double dx = x - disc.X, dy = y - disc.Y;
                    double d = Math.Sqrt(dx * dx + dy * dy) / disc.R;
                    if (d >= 1) continue;
                    double w = (1 - d) * (1 - d);
                    r += (disc.Red - r) * w;
                    g += (disc.Green - g) * w;
                    b += (disc.Blue - b) * w;
                }
                int grain = random.Next(-6, 7);
                row[3 * x] = Clamp(r + grain);
                row[3 * x + 1] = Clamp(g + grain);
                row[3 * x + 2] = Clamp(b + grain);
            }
        }
        return image;
    }

    /// <summary>Writes a sample photo as a JPEG (whole or not at all, like every file the project writes).</summary>
    public static void WriteJpeg(string path, int width, int height, int seed, int quality = 90, bool overwrite = false)
    {
        using var image = Create(width, height, seed);
        ImageCodec.Save(image, path, ImageFormat.Jpeg, quality, overwrite);
    }

    private static byte Clamp(double value) => (byte)Math.Clamp((int)Math.Round(value), 0, 255);

    /// <summary>A fixed generator, so that a seed means the same picture on every .NET version.</summary>
    private struct XorShift(int seed)
    {
        private uint _state = (uint)seed * 2654435761u + 1;

        public int Next(int minimum, int maximumExclusive)
        {
            _state ^= _state << 13;
            _state ^= _state >> 17;
            _state ^= _state << 5;
            return minimum + (int)(_state % (uint)(maximumExclusive - minimum));
        }
    }
}
