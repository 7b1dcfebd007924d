using System.Globalization;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Processing;
using ConcurrencyDemo.Tests.Common;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Processing;

/// <summary>
/// Runs the installed Pillow on freshly generated images, so the committed references are not the
/// only evidence. Skipped (passing, with a message) where Debian's python3-pil is not installed.
/// </summary>
public sealed class LivePillowCrossCheckTests(ITestOutputHelper output)
{
    private const string Script = """
        import sys
        from PIL import Image, ImageFilter, ImageOps
        mode, width, height, radius, box_w, box_h, raw, out = sys.argv[1:]
        im = Image.frombytes(mode, (int(width), int(height)), open(raw, "rb").read())
        blurred = im.filter(ImageFilter.GaussianBlur(float(radius)))
        open(out + ".blur", "wb").write(blurred.tobytes())
        blurred.thumbnail((int(box_w), int(box_h)))
        open(out + ".thumb", "wb").write(b"%d %d\n" % blurred.size + blurred.tobytes())
        T = Image.Transpose
        for orientation, method in {2: T.FLIP_LEFT_RIGHT, 3: T.ROTATE_180, 4: T.FLIP_TOP_BOTTOM, 5: T.TRANSPOSE,
                                    6: T.ROTATE_270, 7: T.TRANSVERSE, 8: T.ROTATE_90}.items():
            open(out + ".orientation%d" % orientation, "wb").write(im.transpose(method).tobytes())
        """;

    [Theory]
    [InlineData(PixelFormat.Rgb24, 15f, 20, 20)]
    [InlineData(PixelFormat.Rgb24, 2.5f, 31, 100)]
    [InlineData(PixelFormat.Gray8, 4.2f, 9, 9)]
    [InlineData(PixelFormat.Rgba32, 1.3f, 25, 25)]
    public void Blur_thumbnail_and_orientation_match_the_installed_pillow(PixelFormat format, float radius, int boxWidth, int boxHeight)
    {
        string? python = ExternalTool.PythonWithPil;
        if (python is null)
        {
            output.WriteLine("SKIPPED: /usr/bin/python3 with PIL is not installed; only the committed references were checked.");
            return;
        }

        int seed = Environment.TickCount;
        var random = new Random(seed);
        int width = 40 + 2 * random.Next(60) + 1, height = 30 + 2 * random.Next(40) + 1;
        output.WriteLine($"seed {seed}: {width}x{height} {format}, radius {radius}, box {boxWidth}x{boxHeight}");
        using ImageBuffer source = TestImages.Random(width, height, format, seed);

        string directory = Directory.CreateTempSubdirectory("pillow-cross-check-").FullName;
        try
        {
            string raw = Path.Combine(directory, "source.raw"), result = Path.Combine(directory, "pillow");
            File.WriteAllBytes(raw, source.Pixels.ToArray());
            string mode = format switch { PixelFormat.Gray8 => "L", PixelFormat.Rgb24 => "RGB", _ => "RGBA" };
            var run = ExternalTool.Run(python, ["-c", Script, mode, $"{width}", $"{height}",
                radius.ToString(CultureInfo.InvariantCulture), $"{boxWidth}", $"{boxHeight}", raw, result]);
            Assert.True(run.ExitCode == 0, run.Stderr);

            for (int orientation = 2; orientation <= 8; orientation++)
            {
                source.Orientation = orientation;
                using ImageBuffer upright = ExifOrientation.Apply(source);
                Assert.Equal(File.ReadAllBytes($"{result}.orientation{orientation}"), upright.Pixels.ToArray());
            }

            using ImageBuffer blurred = TestImages.Copy(source);
            GaussianBlur.Apply(blurred, radius);
            using ImageBuffer expectedBlur = FromRaw(File.ReadAllBytes(result + ".blur"), width, height, format);
            int blurDifference = ImageComparison.MaxDifference(expectedBlur, blurred);

            using ImageBuffer thumbnail = Thumbnail.Create(blurred, boxWidth, boxHeight);
            byte[] thumbFile = File.ReadAllBytes(result + ".thumb");
            int newline = Array.IndexOf(thumbFile, (byte)'\n');
            int[] size = System.Text.Encoding.ASCII.GetString(thumbFile, 0, newline).Split(' ').Select(int.Parse).ToArray();
            using ImageBuffer expectedThumbnail = FromRaw(thumbFile[(newline + 1)..], size[0], size[1], format);
            int thumbnailDifference = ImageComparison.MaxDifference(expectedThumbnail, thumbnail);
            double psnr = ImageComparison.Psnr(expectedThumbnail, thumbnail);

            output.WriteLine($"blur max difference {blurDifference}; thumbnail {size[0]}x{size[1]} max difference {thumbnailDifference}, PSNR {psnr:F1} dB");
            Assert.Equal(0, blurDifference);
            Assert.Equal(0, thumbnailDifference);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ImageBuffer FromRaw(byte[] bytes, int width, int height, PixelFormat format)
    {
        var image = new ImageBuffer(width, height, format);
        Assert.Equal(image.Length, bytes.Length);
        bytes.CopyTo(image.Pixels);
        return image;
    }
}
