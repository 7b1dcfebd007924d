using ConcurrencyDemo.Imaging.Formats.Png;
using ConcurrencyDemo.Imaging.Memory;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Png;

/// <summary>
/// Seeded mutations of valid PNGs: every outcome must be a decoded image or an InvalidImageException,
/// never another exception type, a hang or a giant allocation.
/// </summary>
public sealed class PngFuzzTests(ITestOutputHelper output)
{
    private static List<(string Name, byte[] Png)> Seeds()
    {
        var seeds = new List<(string, byte[])>();
        foreach (PixelFormat format in new[] { PixelFormat.Gray8, PixelFormat.Rgb24, PixelFormat.Rgba32 })
        {
            using ImageBuffer image = PngTestImages.Create(13, 9, format, seed: (int)format);
            seeds.Add(($"encoder {format}", PngEncoderTests.Encode(image)));
        }
        byte[] palette = Enumerable.Range(0, 16 * 3).Select(i => (byte)(i * 5)).ToArray();
        seeds.Add(("palette 4-bit + tRNS", PngTestFileBuilder.Build(11, 7, 4, 3, false, 1, palette, [0, 128, 255])));
        seeds.Add(("palette 2-bit interlaced", PngTestFileBuilder.Build(10, 10, 2, 3, true, 2, palette[..12])));
        seeds.Add(("grey 1-bit interlaced", PngTestFileBuilder.Build(9, 11, 1, 0, true, 3)));
        seeds.Add(("grey 16-bit + tRNS", PngTestFileBuilder.Build(6, 5, 16, 0, false, 4, transparency: [0x12, 0x34])));
        seeds.Add(("rgb 16-bit interlaced", PngTestFileBuilder.Build(7, 6, 16, 2, true, 5)));
        seeds.Add(("grey+alpha 8-bit", PngTestFileBuilder.Build(5, 8, 8, 4, false, 6)));
        seeds.Add(("rgba 16-bit", PngTestFileBuilder.Build(4, 4, 16, 6, false, 7)));
        return seeds;
    }

    [Fact]
    public void SeedFilesDecode()
    {
        foreach (var (name, png) in Seeds())
        {
            using ImageBuffer image = PngDecoder.Decode(png);
            output.WriteLine($"{name}: {png.Length} bytes, {image.Width}x{image.Height} {image.Format}");
        }
    }

    [Fact]
    public void EveryTruncationFailsCleanly()
    {
        int failures = 0, total = 0;
        foreach (var (name, png) in Seeds())
            for (int length = 0; length < png.Length; length++)
            {
                total++;
                if (!Decodes(png.AsSpan(0, length).ToArray(), $"{name} truncated to {length}"))
                    failures++;
            }
        output.WriteLine($"{total} truncations, {failures} rejected");
        // Without IEND a file is incomplete, so every proper prefix must be rejected.
        Assert.Equal(total, failures);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RandomByteFlipsDecodeOrFailCleanly(bool recomputeCrcs)
    {
        var random = new Random(recomputeCrcs ? 2024 : 1999);
        int decoded = 0, rejected = 0;
        var seeds = Seeds();
        for (int iteration = 0; iteration < 4000; iteration++)
        {
            var (name, original) = seeds[iteration % seeds.Count];
            byte[] mutated = (byte[])original.Clone();
            int flips = 1 + random.Next(4);
            for (int f = 0; f < flips; f++)
            {
                // Leave the signature alone half the time: a broken signature stops the decoder before anything interesting.
                int position = random.Next(8, mutated.Length);
                mutated[position] = random.Next(3) switch
                {
                    0 => (byte)(mutated[position] ^ (1 << random.Next(8))),
                    1 => (byte)random.Next(256),
                    _ => random.Next(2) == 0 ? (byte)0 : (byte)0xFF,
                };
            }
            if (recomputeCrcs)
                PngTestFileBuilder.RecomputeCrcs(mutated);
            if (Decodes(mutated, $"{name} iteration {iteration}"))
                decoded++;
            else
                rejected++;
        }
        output.WriteLine($"decoded {decoded}, rejected {rejected}");
        Assert.True(rejected > 0, "no mutation was rejected: the fuzzer is not reaching the checks");
        if (recomputeCrcs)
            Assert.True(decoded > 0, "no mutation decoded: the CRC fix-up is not letting mutations through");
    }

    /// <returns>true when the data decoded, false when it was rejected with InvalidImageException.</returns>
    private static bool Decodes(byte[] data, string description)
    {
        try
        {
            using ImageBuffer image = PngDecoder.Decode(data);
            Assert.True(image.Width > 0 && image.Height > 0);
            return true;
        }
        catch (InvalidImageException)
        {
            return false;
        }
        catch (Exception e)
        {
            Assert.Fail($"{description}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            return false;
        }
    }
}
