using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Decoding;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Encoding;

/// <summary>Smooth synthetic photos, PNM conversion for the libjpeg tools, and PSNR.</summary>
internal static class JpegTestImages
{
    /// <summary>Gradients and slow waves: the kind of content JPEG is made for, so PSNR thresholds are meaningful.</summary>
    public static ImageBuffer CreateSmooth(int width, int height, PixelFormat format)
    {
        var image = new ImageBuffer(width, height, format);
        for (int y = 0; y < height; y++)
        {
            Span<byte> row = image.GetRow(y);
            for (int x = 0; x < width; x++)
            {
                double u = (double)x / width, v = (double)y / height;
                double r = 128 + 90 * Math.Sin(6.0 * u + 2.0 * v) + 30 * u;
                double g = 120 + 100 * Math.Cos(4.0 * v - 3.0 * u);
                double b = 40 + 180 * u * v;
                Span<byte> pixel = row.Slice(x * image.Channels, image.Channels);
                if (format == PixelFormat.Gray8)
                {
                    pixel[0] = Clamp(0.3 * r + 0.6 * g + 0.1 * b);
                    continue;
                }
                pixel[0] = Clamp(r);
                pixel[1] = Clamp(g);
                pixel[2] = Clamp(b);
                if (format == PixelFormat.Rgba32) pixel[3] = (byte)(x * 7 + y);
            }
        }
        return image;
    }

    private static byte Clamp(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);

    /// <summary>Binary PGM (Gray8) or PPM (RGB; alpha dropped) for cjpeg.</summary>
    public static byte[] ToPnm(ImageBuffer image)
    {
        bool gray = image.Format == PixelFormat.Gray8;
        using var stream = new MemoryStream();
        stream.Write(System.Text.Encoding.ASCII.GetBytes($"{(gray ? "P5" : "P6")}\n{image.Width} {image.Height}\n255\n"));
        for (int y = 0; y < image.Height; y++)
        {
            ReadOnlySpan<byte> row = image.GetRow(y);
            if (gray || image.Format == PixelFormat.Rgb24)
                stream.Write(row);
            else
                for (int x = 0; x < image.Width; x++)
                    stream.Write(row.Slice(4 * x, 3));
        }
        return stream.ToArray();
    }

    /// <summary>Parses djpeg's binary PGM/PPM output: (width, height, channels, samples).</summary>
    public static (int Width, int Height, int Channels, byte[] Samples) ParsePnm(byte[] pnm)
    {
        var image = ReferenceImage.ReadPnm(pnm);
        return (image.Width, image.Height, image.Channels, image.Pixels);
    }

    /// <summary>PSNR in dB over the colour channels of <paramref name="original"/> against interleaved samples.</summary>
    public static double Psnr(ImageBuffer original, byte[] decoded, int decodedChannels)
    {
        int compared = Math.Min(original.Channels, 3);
        Assert.Equal(compared, decodedChannels);
        double sum = 0;
        long count = 0;
        for (int y = 0; y < original.Height; y++)
        {
            ReadOnlySpan<byte> row = original.GetRow(y);
            for (int x = 0; x < original.Width; x++)
                for (int c = 0; c < compared; c++)
                {
                    double d = row[x * original.Channels + c] - decoded[(y * original.Width + x) * decodedChannels + c];
                    sum += d * d;
                    count++;
                }
        }
        double mse = sum / count;
        return mse == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / mse);
    }

    /// <summary>The marker segments before the scan data: (marker, body) pairs, up to and including SOS.</summary>
    public static List<(byte Marker, byte[] Body)> ReadSegments(byte[] jpeg)
    {
        var segments = new List<(byte, byte[])>();
        Assert.Equal(0xFF, jpeg[0]);
        Assert.Equal(0xD8, jpeg[1]);
        int position = 2;
        while (position + 4 <= jpeg.Length)
        {
            Assert.Equal(0xFF, jpeg[position]);
            byte marker = jpeg[position + 1];
            int length = jpeg[position + 2] << 8 | jpeg[position + 3];
            segments.Add((marker, jpeg.AsSpan(position + 4, length - 2).ToArray()));
            position += 2 + length;
            if (marker == 0xDA) break;
        }
        return segments;
    }

    /// <summary>Every quantisation table in DQT segments, by table id, in zig-zag order as stored.</summary>
    public static Dictionary<int, byte[]> ReadQuantizationTables(byte[] jpeg)
    {
        var tables = new Dictionary<int, byte[]>();
        foreach (var (marker, body) in ReadSegments(jpeg))
        {
            if (marker != 0xDB) continue;
            for (int offset = 0; offset < body.Length; offset += 65)
            {
                Assert.Equal(0, body[offset] >> 4); // 8-bit tables
                tables[body[offset] & 15] = body.AsSpan(offset + 1, 64).ToArray();
            }
        }
        return tables;
    }
}
