using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Tests.Common;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Decoding;

/// <summary>An expected image as raw interleaved bytes (1 or 3 channels), from a PNM file or a reference tool.</summary>
internal sealed record ReferenceImage(int Width, int Height, int Channels, byte[] Pixels)
{
    /// <summary>Reads binary PGM (P5) and PPM (P6) with maxval 255, as djpeg writes them.</summary>
    public static ReferenceImage ReadPnm(byte[] data)
    {
        using ImageBuffer image = Processing.Netpbm.Decode(data);
        return new ReferenceImage(image.Width, image.Height, image.Channels, image.Pixels.ToArray());
    }

    public static ReferenceImage ReadPnm(string path) => ReadPnm(File.ReadAllBytes(path));

    /// <summary>Decodes any image (e.g. a PNG reference) to RGB with Pillow or ImageMagick; null when neither exists.</summary>
    public static ReferenceImage? DecodeWithTools(string path)
    {
        if (ExternalTool.PythonWithPil is { } python)
        {
            const string script = "import sys;from PIL import Image;im=Image.open(sys.argv[1]).convert('RGB');" +
                                  "sys.stdout.buffer.write(b'P6\\n%d %d\\n255\\n'%im.size+im.tobytes())";
            var result = ExternalTool.Run(python, ["-c", script, path]);
            if (result.ExitCode != 0) throw new InvalidOperationException($"Pillow failed on {path}: {result.Stderr}");
            return ReadPnm(result.Stdout);
        }
        if (ExternalTool.ImageMagick is { } magick)
        {
            var result = ExternalTool.Run(magick, [path, "-depth", "8", "ppm:-"]);
            if (result.ExitCode != 0) throw new InvalidOperationException($"ImageMagick failed on {path}: {result.Stderr}");
            return ReadPnm(result.Stdout);
        }
        return null;
    }

    /// <summary>Decodes a JPEG with djpeg's defaults; null when djpeg is absent.</summary>
    public static ReferenceImage? DecodeWithDjpeg(string path)
    {
        if (ExternalTool.Djpeg is not { } djpeg) return null;
        var result = ExternalTool.Run(djpeg, ["-pnm", path]);
        // Exit code 2 means djpeg only warned (e.g. "Corrupt JPEG data: extraneous bytes") and still wrote the image.
        bool wroteImage = result.ExitCode == 0 || (result.ExitCode == 2 && result.Stdout.Length > 0);
        if (!wroteImage) throw new InvalidOperationException($"djpeg failed on {path}: {result.Stderr}");
        return ReadPnm(result.Stdout);
    }
}

/// <summary>How far a decoded image is from a reference.</summary>
internal sealed record ImageDifference(int MaxDifference, double Psnr, long DifferingSamples)
{
    public static ImageDifference Measure(ImageBuffer actual, ReferenceImage expected)
    {
        if (actual.Width != expected.Width || actual.Height != expected.Height)
            throw new Xunit.Sdk.XunitException($"size {actual.Width}x{actual.Height}, expected {expected.Width}x{expected.Height}");
        if (actual.Channels != expected.Channels)
            throw new Xunit.Sdk.XunitException($"{actual.Channels} channels, expected {expected.Channels}");
        ReadOnlySpan<byte> a = actual.Pixels;
        ReadOnlySpan<byte> e = expected.Pixels;
        int max = 0;
        long differing = 0;
        double squares = 0;
        for (int i = 0; i < a.Length; i++)
        {
            int d = Math.Abs(a[i] - e[i]);
            if (d != 0) differing++;
            if (d > max) max = d;
            squares += d * d;
        }
        double mse = squares / a.Length;
        double psnr = mse == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / mse);
        return new ImageDifference(max, psnr, differing);
    }

    public override string ToString() =>
        $"max diff {MaxDifference}, PSNR {(double.IsPositiveInfinity(Psnr) ? "inf" : Psnr.ToString("F1"))} dB, {DifferingSamples} samples differ";
}
