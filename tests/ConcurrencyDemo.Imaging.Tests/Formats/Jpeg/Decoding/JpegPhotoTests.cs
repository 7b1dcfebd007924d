using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Tests.Common;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Decoding;

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
        if (PhotosAndDjpeg() is not { } photos) return;
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

    /// <summary>Acceptance: each photo re-encoded by our encoder at quality 75 decodes in djpeg, and our decoder agrees with it.</summary>
    [Fact]
    public void Reencode_SharedPhotos_DecodesInDjpeg()
    {
        if (PhotosAndDjpeg() is not { } photos) return;
        string reencoded = Path.Combine(Path.GetTempPath(), $"reencode-{Guid.NewGuid():N}.jpg");
        var failures = new List<string>();
        try
        {
            foreach (string file in Directory.GetFiles(photos, "*.jpg").Order())
            {
                using ImageBuffer original = JpegDecoder.Decode(File.ReadAllBytes(file));
                using (var stream = File.Create(reencoded))
                    JpegEncoder.Encode(original, stream, new JpegEncoderOptions { Quality = 75 });
                var djpeg = ExternalTool.Run(ExternalTool.Djpeg!, ["-pnm", reencoded]);
                if (djpeg.ExitCode != 0)
                {
                    failures.Add($"{Path.GetFileName(file)}: djpeg exit {djpeg.ExitCode}: {djpeg.Stderr.Trim()}");
                    continue;
                }
                ReferenceImage theirs = ReferenceImage.ReadPnm(djpeg.Stdout);
                using ImageBuffer ours = JpegDecoder.Decode(File.ReadAllBytes(reencoded));
                var agreement = ImageDifference.Measure(ours, theirs);
                var quality = ImageDifference.Measure(original, theirs);
                output.WriteLine($"{Path.GetFileName(file)}: {new FileInfo(reencoded).Length / 1024} KB at q75, djpeg decodes it; against the original {quality}; our decode against djpeg's {agreement}");
                if (agreement.MaxDifference > 0 || quality.Psnr < 30)
                    failures.Add($"{Path.GetFileName(file)}: ours vs djpeg {agreement}, vs original {quality}");
            }
        }
        finally
        {
            File.Delete(reencoded);
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>The photos folder when both it and djpeg exist; otherwise null, after saying why the test does nothing.</summary>
    private string? PhotosAndDjpeg()
    {
        string? photos = TestPaths.SharedSubdirectory("photos");
        if (photos is not null && ExternalTool.Djpeg is not null) return photos;
        output.WriteLine($"Skipped: needs ../shared/photos ({(photos is null ? "absent" : "present")}) and /usr/bin/djpeg ({(ExternalTool.Djpeg is null ? "absent" : "present")}).");
        return null;
    }
}
