using System.Diagnostics;
using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Tests.Common;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Decoding;

/// <summary>
/// The third-party conformance corpus in ../shared/corpus (see its README). Each test passes with a
/// "skipped" message where the corpus (or a reference tool it needs) is absent.
/// </summary>
public sealed class JpegCorpusTests(ITestOutputHelper output)
{
    // ImageMagick made the references with libjpeg's defaults, so only small differences are expected.
    private const int ReferenceTolerance = 2;

    // References that libjpeg-turbo's own djpeg does not reproduce either (checked: djpeg differs from
    // them exactly as we do). Our target is djpeg, so these are compared with live djpeg instead.
    private static readonly HashSet<string> ReferencesDisagreeingWithDjpeg =
    [
        "grayscale_16x24_sampling2x2.jpg", // one-component scans are one block per MCU; the PNG assumes 2x2
        "grayscale_24x16_sampling2x2.jpg",
        "mjpeg.jpg",                       // djpeg differs from the PNG by up to 3 as well
    ];

    private string? Corpus(string folder)
    {
        string? corpus = TestPaths.SharedSubdirectory("corpus");
        string? path = corpus is null ? null : Path.Combine(corpus, folder);
        if (path is null || !Directory.Exists(path))
        {
            output.WriteLine($"Skipped: corpus folder ../shared/corpus/{folder} is absent.");
            return null;
        }
        return path;
    }

    [Fact]
    public void ReftestFiles_DecodeWithinToleranceOfTheirPngReferences()
    {
        string? folder = Corpus("jpeg-reftest");
        if (folder is null) return;
        if (ExternalTool.PythonWithPil is null && ExternalTool.ImageMagick is null)
        {
            output.WriteLine("Skipped: no PNG reader (/usr/bin/python3 with PIL, or convert-im6.q16).");
            return;
        }
        var disabled = File.ReadAllLines(Path.Combine(folder, "disabled.list"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();
        var failures = new List<string>();
        int compared = 0;
        foreach (string file in Directory.EnumerateFiles(folder, "*.jpg", SearchOption.AllDirectories).Order())
        {
            string relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (relative.StartsWith("lossless/")) continue;
            string png = Path.ChangeExtension(file, ".png");
            if (disabled.Contains(relative) || !File.Exists(png))
            {
                output.WriteLine($"{relative}: not compared ({(disabled.Contains(relative) ? "disabled.list" : "no reference")})");
                continue;
            }
            try
            {
                // The references are libjpeg's decodes, which keep what a truncated file holds.
                using ImageBuffer image = JpegDecoder.Decode(File.ReadAllBytes(file), DecodeWhatIsThere);
                if (ReferencesDisagreeingWithDjpeg.Contains(relative))
                {
                    ReferenceImage? djpeg = ReferenceImage.DecodeWithDjpeg(file);
                    if (djpeg is null)
                    {
                        output.WriteLine($"{relative}: not compared (its PNG disagrees with libjpeg-turbo and djpeg is absent)");
                        continue;
                    }
                    var versusDjpeg = ImageDifference.Measure(image, djpeg);
                    output.WriteLine($"{relative}: versus live djpeg {versusDjpeg}");
                    if (versusDjpeg.MaxDifference > 0) failures.Add($"{relative} versus djpeg: {versusDjpeg}");
                    compared++;
                    continue;
                }
                ReferenceImage expected = ReferenceImage.DecodeWithTools(png)!;
                if (image.Format == PixelFormat.Gray8) expected = ToGray(expected);
                var difference = ImageDifference.Measure(image, expected);
                output.WriteLine($"{relative}: {difference}");
                if (difference.MaxDifference > ReferenceTolerance) failures.Add($"{relative}: {difference}");
                compared++;
            }
            catch (Exception e)
            {
                failures.Add($"{relative}: {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(compared > 0, "no reference files found");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void ReftestLosslessFiles_AreReportedAsUnsupported()
    {
        string? folder = Corpus(Path.Combine("jpeg-reftest", "lossless"));
        if (folder is null) return;
        string[] files = Directory.GetFiles(folder, "*.jpg", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            var e = Assert.Throws<UnsupportedImageException>(() => JpegDecoder.Decode(File.ReadAllBytes(file)));
            output.WriteLine($"{Path.GetRelativePath(folder, file)}: {e.Message}");
            Assert.Contains("lossless", e.Message);
        }
    }

    [Fact]
    public async Task CrashFiles_DecodeOrFailWithInvalidImageException()
    {
        string? folder = Corpus("jpeg-crash");
        if (folder is null) return;
        string[] files = Directory.GetFiles(folder, "*.jpg", SearchOption.AllDirectories).Order().ToArray();
        Assert.NotEmpty(files);
        var failures = new List<string>();
        foreach (string file in files)
        {
            string relative = Path.GetRelativePath(folder, file);
            byte[] data = File.ReadAllBytes(file);
            var stopwatch = Stopwatch.StartNew();
            // A generous bound that only a hang or runaway loop would exceed.
            var task = Task.Run(() => DecodeOutcome(data));
            if (await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30))) != task)
            {
                failures.Add($"{relative}: did not finish within 30 s");
                continue;
            }
            string outcome = await task;
            output.WriteLine($"{relative}: {outcome} ({stopwatch.ElapsedMilliseconds} ms)");
            if (outcome.StartsWith("UNEXPECTED")) failures.Add($"{relative}: {outcome}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void LibjpegTurboTestImages_DecodeLikeLibjpegTurbo()
    {
        string? folder = Corpus("libjpeg-turbo");
        if (folder is null) return;
        // testorig.ppm is not quite djpeg 2.1.5's decode (djpeg itself differs from it by up to 3), so the
        // committed reference gets a tolerance and live djpeg, where present, must match exactly.
        var expected = ReferenceImage.ReadPnm(Path.Combine(folder, "testorig.ppm"));
        using (ImageBuffer image = JpegDecoder.Decode(File.ReadAllBytes(Path.Combine(folder, "testorig.jpg"))))
        {
            var difference = ImageDifference.Measure(image, expected);
            output.WriteLine($"testorig.jpg versus testorig.ppm: {difference}");
            Assert.True(difference.MaxDifference <= 3 && difference.Psnr >= 50, difference.ToString());
        }
        foreach (string name in new[] { "testorig.jpg", "testimgint.jpg" })
        {
            string path = Path.Combine(folder, name);
            using ImageBuffer image = JpegDecoder.Decode(File.ReadAllBytes(path));
            if (ReferenceImage.DecodeWithDjpeg(path) is not { } djpeg)
            {
                output.WriteLine($"{name}: not compared with djpeg (absent)");
                continue;
            }
            var difference = ImageDifference.Measure(image, djpeg);
            output.WriteLine($"{name} versus live djpeg: {difference}");
            Assert.Equal(0, difference.MaxDifference);
        }
        var arithmetic = Assert.Throws<UnsupportedImageException>(() => JpegDecoder.Decode(File.ReadAllBytes(Path.Combine(folder, "testimgari.jpg"))));
        Assert.Equal("not supported: arithmetic coding", arithmetic.Message);
        var twelveBit = Assert.Throws<UnsupportedImageException>(() => JpegDecoder.Decode(File.ReadAllBytes(Path.Combine(folder, "monkey12.jpg"))));
        Assert.Equal("not supported: 12-bit JPEG precision", twelveBit.Message);
    }

    internal static string DecodeOutcome(byte[] data)
    {
        try
        {
            using ImageBuffer image = JpegDecoder.Decode(data, new DecodeOptions { MaxPixels = 50_000_000 });
            return $"decoded {image.Width}x{image.Height} {image.Format}";
        }
        catch (InvalidImageException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            return $"{e.GetType().Name}: {e.Message}";
        }
        catch (Exception e)
        {
            return $"UNEXPECTED {e.GetType().Name}: {e.Message}{Environment.NewLine}{e.StackTrace}";
        }
    }

    private static ReferenceImage ToGray(ReferenceImage rgb)
    {
        var gray = new byte[rgb.Width * rgb.Height];
        for (int i = 0; i < gray.Length; i++) gray[i] = rgb.Pixels[3 * i];
        return rgb with { Channels = 1, Pixels = gray };
    }

    private static readonly DecodeOptions DecodeWhatIsThere = new() { AllowTruncated = true };
}
