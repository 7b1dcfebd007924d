using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Tests.Common;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Jpeg;

/// <summary>
/// Acceptance: every photo in ../shared/photos decodes within PSNR 50 dB of live djpeg (in practice
/// bit-exact). Runs only where the photos and djpeg exist, and says so when they do not.
/// </summary>
public sealed class JpegPhotoTests(ITestOutputHelper output)
{
    private const double MinimumPsnr = 50;

    [Fact]
    public void Decode_SharedPhotos_MatchDjpeg()
    {
        string? photos = TestPaths.SharedSubdirectory("photos");
        if (photos is null || ExternalTool.Djpeg is null)
        {
            output.WriteLine($"Skipped: needs ../shared/photos ({(photos is null ? "absent" : "present")}) and /usr/bin/djpeg ({(ExternalTool.Djpeg is null ? "absent" : "present")}).");
            return;
        }
        string[] files = Directory.GetFiles(photos, "*.jpg").Order().ToArray();
        Assert.NotEmpty(files);
        var failures = new List<string>();
        foreach (string file in files)
        {
            ReferenceImage expected = ReferenceImage.DecodeWithDjpeg(file)!;
            using ImageBuffer image = JpegDecoder.Decode(File.ReadAllBytes(file));
            var difference = ImageDifference.Measure(image, expected);
            output.WriteLine($"{Path.GetFileName(file)} {image.Width}x{image.Height} orientation {image.Orientation}: {difference}");
            if (difference.Psnr < MinimumPsnr || difference.MaxDifference > 2)
                failures.Add($"{Path.GetFileName(file)}: {difference}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
