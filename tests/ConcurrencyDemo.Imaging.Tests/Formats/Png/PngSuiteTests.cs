using System.Text.Json;
using ConcurrencyDemo.Imaging.Formats.Png;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Tests.Common;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Png;

/// <summary>
/// Conformance against PngSuite in ../shared/corpus (absent on some machines: then these pass and say so).
/// The JSON references are flat RGBA arrays; 16-bit files are compared with the 16-bit reference's
/// high bytes, which is exactly what the decoder promises (libpng strip_16).
/// </summary>
public sealed class PngSuiteTests(ITestOutputHelper output)
{
    private static string? SuiteDirectory =>
        TestPaths.SharedSubdirectory("corpus") is { } corpus && Directory.Exists(Path.Combine(corpus, "pngsuite", "png"))
            ? Path.Combine(corpus, "pngsuite")
            : null;

    [Fact]
    public void EveryValidFileDecodesToItsReference()
    {
        if (SuiteDirectory is not { } suite)
        {
            output.WriteLine("Skipped: ../shared/corpus/pngsuite is not present.");
            return;
        }
        var failures = new List<string>();
        int checkedFiles = 0;
        foreach (string file in Directory.GetFiles(Path.Combine(suite, "png"), "*.png").Order())
        {
            string name = Path.GetFileNameWithoutExtension(file);
            if (name.StartsWith('x')) continue;
            int[] reference = LoadJson(Path.Combine(suite, "json", name + ".json"));
            bool sixteenBit = name.EndsWith("16", StringComparison.Ordinal);
            if (sixteenBit)
                reference = reference.Select(v => v >> 8).ToArray();
            string? problem = Compare(file, reference, tolerance: 0);
            if (problem is not null) failures.Add($"{name}: {problem}");
            checkedFiles++;
        }
        output.WriteLine($"Checked {checkedFiles} PngSuite files.");
        Assert.True(checkedFiles > 100, $"only {checkedFiles} files found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The suite's own 8-bit reductions: colour files use the high byte exactly like us; the greyscale ones were
    /// rounded (about v/257) by the tool that produced them, so they may differ from ours by one level.
    /// </summary>
    [Fact]
    public void SixteenBitFilesMatchTheSuitesEightBitReductions()
    {
        if (SuiteDirectory is not { } suite)
        {
            output.WriteLine("Skipped: ../shared/corpus/pngsuite is not present.");
            return;
        }
        var failures = new List<string>();
        foreach (string json in Directory.GetFiles(Path.Combine(suite, "json"), "*_to8.json").Order())
        {
            string name = Path.GetFileName(json)[..^"_to8.json".Length];
            bool grey = name.Contains("0g16", StringComparison.Ordinal);
            string? problem = Compare(Path.Combine(suite, "png", name + ".png"), LoadJson(json), tolerance: grey ? 1 : 0);
            if (problem is not null) failures.Add($"{name}: {problem}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EveryCorruptFileFailsWithInvalidImageException()
    {
        if (SuiteDirectory is not { } suite)
        {
            output.WriteLine("Skipped: ../shared/corpus/pngsuite is not present.");
            return;
        }
        string[] corrupt = Directory.GetFiles(Path.Combine(suite, "png"), "x*.png");
        Assert.NotEmpty(corrupt);
        foreach (string file in corrupt)
        {
            var error = Assert.Throws<InvalidImageException>(() => PngDecoder.Decode(File.ReadAllBytes(file)));
            output.WriteLine($"{Path.GetFileName(file)}: {error.Message}");
        }
    }

    [Fact]
    public void OutputFormatFollowsColourTypeAndTransparency()
    {
        if (SuiteDirectory is not { } suite)
        {
            output.WriteLine("Skipped: ../shared/corpus/pngsuite is not present.");
            return;
        }
        (string File, PixelFormat Format)[] expectations =
        [
            ("basn0g08", PixelFormat.Gray8), ("basn0g01", PixelFormat.Gray8), ("basn0g16", PixelFormat.Gray8),
            ("basn2c08", PixelFormat.Rgb24), ("basn3p04", PixelFormat.Rgb24), ("basn4a08", PixelFormat.Rgba32),
            ("basn6a16", PixelFormat.Rgba32), ("tbbn0g04", PixelFormat.Rgba32), ("tbbn2c16", PixelFormat.Rgba32),
            ("tbbn3p08", PixelFormat.Rgba32),
        ];
        foreach (var (file, format) in expectations)
        {
            using ImageBuffer image = PngDecoder.Decode(File.ReadAllBytes(Path.Combine(suite, "png", file + ".png")));
            Assert.True(format == image.Format, $"{file}: expected {format}, got {image.Format}");
        }
    }

    [Fact]
    public void ExifChunkOrientationIsReported()
    {
        if (SuiteDirectory is not { } suite)
        {
            output.WriteLine("Skipped: ../shared/corpus/pngsuite is not present.");
            return;
        }
        using ImageBuffer image = PngDecoder.Decode(File.ReadAllBytes(Path.Combine(suite, "png", "exif2c08.png")));
        output.WriteLine($"exif2c08 orientation {image.Orientation}");
        Assert.InRange(image.Orientation, 1, 8);
    }

    private static int[] LoadJson(string path) => JsonSerializer.Deserialize<int[]>(File.ReadAllText(path))!;

    private static string? Compare(string pngPath, int[] referenceRgba, int tolerance)
    {
        ImageBuffer image;
        try { image = PngDecoder.Decode(File.ReadAllBytes(pngPath)); }
        catch (Exception e) { return $"{e.GetType().Name}: {e.Message}"; }
        using (image)
        {
            byte[] rgba = PngTestImages.ToRgba(image);
            if (rgba.Length != referenceRgba.Length)
                return $"decoded {rgba.Length / 4} pixels ({image.Width}x{image.Height} {image.Format}), reference has {referenceRgba.Length / 4}";
            for (int i = 0; i < rgba.Length; i++)
                if (Math.Abs(rgba[i] - referenceRgba[i]) > tolerance)
                    return $"pixel {i / 4} channel {i % 4}: {rgba[i]} vs reference {referenceRgba[i]}";
            return null;
        }
    }
}
