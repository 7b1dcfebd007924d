using ConcurrencyDemo.Imaging.Formats;
using ConcurrencyDemo.Imaging.Formats.Png;
using ConcurrencyDemo.Imaging.Pipeline;
using ConcurrencyDemo.Imaging.Tests.Processing;
using ConcurrencyDemo.Tests.Common;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Pipeline;

/// <summary>
/// The issue's acceptance: on the real photos, our blur 15 + thumbnail 1200 written as PNG is within
/// PSNR 40 dB of Pillow's on every photo. Needs ../shared/photos and Debian's Pillow; says so when absent.
/// </summary>
public class PillowPipelineAcceptanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Blur_and_thumbnail_of_every_real_photo_matches_pillow()
    {
        string? photos = TestPaths.SharedSubdirectory("photos");
        string? python = ExternalTool.PythonWithPil;
        if (photos is null || python is null)
        {
            output.WriteLine($"SKIPPED: needs ../shared/photos ({(photos is null ? "absent" : "present")}) and /usr/bin/python3 with PIL ({(python is null ? "absent" : "present")}).");
            return;
        }
        string[] files = Directory.GetFiles(photos, "*.jpg").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);

        string pillowOut = Directory.CreateTempSubdirectory("pillow-pipeline-").FullName;
        try
        {
            var run = ExternalTool.Run(python, [Path.Combine(TestPaths.RepositoryRoot, "tests", "tools", "pillow_pipeline.py"), "--ppm-dir", pillowOut, .. files], timeoutMs: 600_000);
            Assert.True(run.ExitCode == 0, run.Stderr);

            var options = PhotoConversionOptions.Default with { OutputFormat = ImageFormat.Png };
            var failures = new List<string>();
            foreach (string file in files)
            {
                using var encoded = new MemoryStream();
                PhotoConversion.Convert(File.ReadAllBytes(file), encoded, options);
                using var ours = PngDecoder.Decode(encoded.ToArray());
                using var pillow = Netpbm.Read(Path.Combine(pillowOut, Path.GetFileNameWithoutExtension(file) + ".ppm"));
                Assert.Equal((pillow.Width, pillow.Height), (ours.Width, ours.Height));
                double psnr = ImageComparison.Psnr(pillow, ours);
                int maxDifference = ImageComparison.MaxDifference(pillow, ours);
                output.WriteLine($"{Path.GetFileName(file)}: {ours.Width}x{ours.Height}, PSNR {psnr:0.0} dB, max difference {maxDifference}");
                if (psnr < 40) failures.Add($"{Path.GetFileName(file)}: {psnr:0.0} dB");
            }
            Assert.True(failures.Count == 0, "below 40 dB: " + string.Join(", ", failures));
        }
        finally
        {
            Directory.Delete(pillowOut, recursive: true);
        }
    }
}
