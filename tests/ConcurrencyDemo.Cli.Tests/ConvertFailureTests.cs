using ConcurrencyDemo.Imaging;

namespace ConcurrencyDemo.Cli.Tests;

public sealed class ConvertFailureTests
{
    [Fact]
    public void ACorruptPhoto_FailsAlone_WithOneStderrLine_AndLeavesNothingBehind()
    {
        using var photos = new PhotoFolder();
        string first = photos.WriteJpeg("first.jpg", 120, 90);
        string broken = photos.WriteJpegCutInItsHeader("broken.jpg", 120, 90);
        string last = photos.WriteJpeg("last.jpg", 64, 64);

        var run = CliProgram.Run("convert", first, broken, last, "--out", photos.OutputDirectory, "--max-size", "50");

        Assert.Equal(1, run.ExitCode);
        string line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"concurrency-demo convert: cannot convert '{broken}': ", line);
        Assert.DoesNotContain("   at ", run.Stderr);
        // Only the two good outputs: no broken.jpg, and no hidden temporary file of any of the three.
        Assert.Equal(["first.jpg", "last.jpg"], photos.OutputNames());
        Assert.Empty(Directory.GetFiles(photos.OutputDirectory, "*.tmp", SearchOption.AllDirectories));
        using (var image = ImageCodec.Load(photos.OutputOf("first.jpg"))) Assert.Equal(50, image.Width);
        Assert.Contains(run.StdoutLines, l => l.Contains("broken.jpg") && l.Contains("error: "));
    }

    [Fact]
    public void AnExistingOutput_IsKept_WithoutForce_AndTheOthersStillConvert()
    {
        using var photos = new PhotoFolder();
        string kept = photos.WriteJpeg("kept.jpg", 80, 60);
        string fresh = photos.WriteJpeg("fresh.jpg", 80, 60);
        Directory.CreateDirectory(photos.OutputDirectory);
        byte[] old = "not overwritten"u8.ToArray();
        File.WriteAllBytes(photos.OutputOf("kept.jpg"), old);

        var run = CliProgram.Run("convert", kept, fresh, "--out", photos.OutputDirectory);

        Assert.Equal(1, run.ExitCode);
        string line = Assert.Single(run.StderrLines);
        Assert.Contains($"'{kept}'", line);
        Assert.Contains("already exists", line);
        Assert.Contains("--force", line);
        Assert.Equal(old, File.ReadAllBytes(photos.OutputOf("kept.jpg")));
        Assert.Equal(["fresh.jpg", "kept.jpg"], photos.OutputNames());
    }

    [Fact]
    public void Force_ReplacesAnExistingOutput()
    {
        using var photos = new PhotoFolder();
        string photo = photos.WriteJpeg("photo.jpg", 80, 60);
        Directory.CreateDirectory(photos.OutputDirectory);
        File.WriteAllBytes(photos.OutputOf("photo.jpg"), "old"u8.ToArray());

        var run = CliProgram.Run("convert", photo, "--out", photos.OutputDirectory, "--force");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        using var image = ImageCodec.Load(photos.OutputOf("photo.jpg"));
        Assert.Equal((80, 60), (image.Width, image.Height));
        Assert.Equal(["photo.jpg"], photos.OutputNames());
    }
}
