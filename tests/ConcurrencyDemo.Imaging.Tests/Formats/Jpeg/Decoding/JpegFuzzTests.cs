using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Tests.Common;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Decoding;

/// <summary>
/// Seeded mutation fuzzing of valid fixtures: truncations at every length and random byte changes.
/// Every outcome must be a decoded image or an <see cref="InvalidImageException"/>; any other exception
/// (index out of range, null reference, overflow ...) fails with the seed and file needed to reproduce it.
/// </summary>
public sealed class JpegFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Seeds =
    [
        "baseline-420.jpg", "baseline-422.jpg", "baseline-411.jpg", "odd-sampling-3x1.jpg", "grey.jpg",
        "restart-420.jpg", "progressive-420.jpg", "progressive-restart.jpg", "progressive-444.jpg",
        "noninterleaved.jpg", "ycck.jpg", "exif-orientation-6.jpg",
    ];

    // Fuzzed headers can claim large sizes; this keeps each case quick while still exercising big frames.
    private static readonly DecodeOptions Options = new() { MaxPixels = 4_000_000 };

    [Fact]
    public void Truncations_DecodeOrThrowInvalidImageException()
    {
        var failures = new List<string>();
        int decoded = 0, rejected = 0;
        foreach (string seed in Seeds)
        {
            byte[] original = File.ReadAllBytes(TestPaths.Fixtures("jpeg", seed));
            // Every length in the headers, then a stride through the entropy data.
            for (int length = 0; length < original.Length; length += length < 700 ? 1 : 13)
            {
                string? failure = Outcome(original.AsSpan(0, length).ToArray(), ref decoded, ref rejected);
                if (failure is not null) failures.Add($"{seed} truncated to {length}: {failure}");
            }
        }
        output.WriteLine($"{decoded} truncations decoded, {rejected} rejected with InvalidImageException");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
        Assert.True(decoded > 0 && rejected > 0, "expected both outcomes among truncations");
    }

    [Fact]
    public void RandomByteChanges_DecodeOrThrowInvalidImageException()
    {
        // JPEG_FUZZ_CASES raises the count for a deeper local run; the default keeps the suite fast.
        int casesPerSeed = int.TryParse(Environment.GetEnvironmentVariable("JPEG_FUZZ_CASES"), out int n) && n > 0 ? n : 400;
        var failures = new List<string>();
        int decoded = 0, rejected = 0;
        for (int s = 0; s < Seeds.Length; s++)
        {
            byte[] original = File.ReadAllBytes(TestPaths.Fixtures("jpeg", Seeds[s]));
            for (int i = 0; i < casesPerSeed; i++)
            {
                int caseSeed = s * 100_000 + i;
                var random = new Random(caseSeed);
                byte[] mutated = (byte[])original.Clone();
                int changes = 1 + random.Next(4);
                for (int c = 0; c < changes; c++)
                {
                    // Bias towards the headers, where one byte changes the meaning of everything after it.
                    int position = random.Next(3) == 0 ? random.Next(Math.Min(mutated.Length, 700)) : random.Next(mutated.Length);
                    mutated[position] = random.Next(4) switch
                    {
                        0 => (byte)(mutated[position] ^ (1 << random.Next(8))),
                        1 => 0xFF,
                        2 => 0x00,
                        _ => (byte)random.Next(256),
                    };
                }
                string? failure = Outcome(mutated, ref decoded, ref rejected);
                if (failure is not null) failures.Add($"{Seeds[s]} case seed {caseSeed}: {failure}");
            }
        }
        output.WriteLine($"{decoded} mutations decoded, {rejected} rejected with InvalidImageException");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
        Assert.True(decoded > 0 && rejected > 0, "expected both outcomes among mutations");
    }

    private static string? Outcome(byte[] data, ref int decoded, ref int rejected)
    {
        try
        {
            using ImageBuffer image = JpegDecoder.Decode(data, Options);
            if (image.Width <= 0 || image.Height <= 0) return "decoded an empty image";
            decoded++;
            return null;
        }
        catch (InvalidImageException e)
        {
            rejected++;
            return string.IsNullOrWhiteSpace(e.Message) ? "InvalidImageException without a message" : null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message} at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}";
        }
    }
}
