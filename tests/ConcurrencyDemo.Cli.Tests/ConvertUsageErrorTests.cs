namespace ConcurrencyDemo.Cli.Tests;

/// <summary>
/// Everything convert can check before it touches a photo: one line on stderr naming the problem, nothing
/// on stdout, and nothing written (not even the --out folder). Exit code 2 when the command line itself is
/// wrong, 1 when it names a file or folder that cannot be used.
/// </summary>
public sealed class ConvertUsageErrorTests
{
    [Theory]
    [InlineData(2, "--out", "{a}")]
    [InlineData(2, "no input files", "--out", "{out}")]
    [InlineData(2, "--quality", "{a}", "--out", "{out}", "--quality", "0")]
    [InlineData(2, "--quality", "{a}", "--out", "{out}", "--quality", "101")]
    [InlineData(2, "--blur-radius", "{a}", "--out", "{out}", "--blur-radius", "-1")]
    [InlineData(2, "--blur-radius", "{a}", "--out", "{out}", "--blur-radius", "soft")]
    [InlineData(2, "--max-size", "{a}", "--out", "{out}", "--max-size", "-1")]
    [InlineData(2, "--max-size", "{a}", "--out", "{out}", "--max-size", "1.5")]
    [InlineData(2, "--format", "{a}", "--out", "{out}", "--format", "gif")]
    [InlineData(2, "--results", "{a}", "--out", "{out}", "--results", "xml")]
    [InlineData(2, "--frobnicate", "{a}", "--out", "{out}", "--frobnicate")]
    [InlineData(2, "--out: needs a folder name.", "{a}", "--out", "")]
    [InlineData(2, "an empty file name", "", "--out", "{out}")]
    [InlineData(2, "--mode", "{a}", "--out", "{out}", "--mode", "fibers")]
    [InlineData(2, "--blur-radius", "{a}", "--out", "{out}", "--blur-radius", "10001")]
    [InlineData(2, "'-o'", "{a}", "-o", "{out}")]
    [InlineData(2, "--force", "{a}", "--out", "{out}", "--force=yes")]
    [InlineData(2, "would both be written", "{a}", "{sub}/a.png", "--out", "{out}")]
    [InlineData(2, "replaced by its own output", "{a}", "--out", "{dir}")]
    [InlineData(1, "{dir}/missing.jpg' does not exist", "{a}", "{dir}/missing.jpg", "--out", "{out}")]
    [InlineData(1, "{sub}' is a folder", "{sub}", "--out", "{out}")]
    [InlineData(1, "{a}' is a file, not a folder", "{b}", "--out", "{a}")]
    public void ProblemsFoundBeforeAnyWork_ExitWithOneLine_AndWriteNothing(int exitCode, string expected, params string[] arguments)
    {
        using var photos = new PhotoFolder();
        string a = photos.WriteJpeg("a.jpg", 16, 16);
        photos.WriteJpeg("b.jpg", 16, 16);
        photos.WriteJpeg("sub/a.png", 16, 16);
        byte[] aBefore = File.ReadAllBytes(a);
        string Expand(string text) => text
            .Replace("{a}", a).Replace("{b}", photos.PathOf("b.jpg")).Replace("{sub}", photos.PathOf("sub"))
            .Replace("{out}", photos.OutputDirectory).Replace("{dir}", photos.Root);

        var run = CliProgram.Run(["convert", .. arguments.Select(Expand)]);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal("", run.Stdout);
        string line = Assert.Single(run.StderrLines);
        Assert.StartsWith("concurrency-demo convert: ", line);
        Assert.Contains(Expand(expected), line);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Exception", run.Stderr);
        Assert.False(Directory.Exists(photos.OutputDirectory), "The output folder was created although nothing could run.");
        Assert.Equal(["a.jpg", "b.jpg", "sub"], Directory.GetFileSystemEntries(photos.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(aBefore, File.ReadAllBytes(a));
    }

    [Fact]
    public void AMissingOutputFolder_IsCreated_WithItsParents()
    {
        using var photos = new PhotoFolder();
        string a = photos.WriteJpeg("a.jpg", 16, 16);
        string nested = Path.Combine(photos.OutputDirectory, "x", "y");

        var run = CliProgram.Run("convert", a, "--out", nested);

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(nested, "a.jpg")));
    }

    [Fact]
    public void RelativePaths_ResolveAgainstTheCurrentDirectory_AndDoubleDashAllowsDashedNames()
    {
        using var photos = new PhotoFolder();
        photos.WriteJpeg("-dashed.jpg", 16, 16);
        var startInfo = CliProgram.CreateStartInfo(["convert", "--out", "out", "--", "-dashed.jpg"]);
        startInfo.WorkingDirectory = photos.Root;

        using var process = System.Diagnostics.Process.Start(startInfo)!;
        process.StandardInput.Close();
        string stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "convert did not finish.");

        Assert.True(process.ExitCode == 0, stderr);
        Assert.Equal(["-dashed.jpg"], photos.OutputNames());
    }
}
