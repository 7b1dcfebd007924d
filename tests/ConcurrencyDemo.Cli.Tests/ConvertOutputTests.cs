using System.Text.Json;
using ConcurrencyDemo.Cli.Output;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Imaging;
using ConcurrencyDemo.Imaging.Formats;
using ConcurrencyDemo.Imaging.Processing;
using ConcurrencyDemo.Engine.Workloads.Convert;

namespace ConcurrencyDemo.Cli.Tests;

public sealed class ConvertOutputTests
{
    [Fact]
    public void Defaults_WriteAJpegPerInput_NamedAfterIt_AndNeverEnlarge()
    {
        using var photos = new PhotoFolder();
        string wide = photos.WriteJpeg("wide.jpg", 300, 200);
        string tall = photos.WriteJpeg("tall.jpeg", 90, 160);

        var run = CliProgram.Run("convert", wide, tall, "--out", photos.OutputDirectory);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Equal(["tall.jpg", "wide.jpg"], photos.OutputNames());
        AssertImage(photos.OutputOf("wide.jpg"), ImageFormat.Jpeg, 300, 200);
        AssertImage(photos.OutputOf("tall.jpg"), ImageFormat.Jpeg, 90, 160);
    }

    [Fact]
    public void MaxSize_ShrinksEachPhotoToFit_AsPillowsThumbnail()
    {
        using var photos = new PhotoFolder();
        string wide = photos.WriteJpeg("wide.jpg", 300, 200);
        string tall = photos.WriteJpeg("tall.jpg", 90, 160);

        var run = CliProgram.Run("convert", wide, tall, "--out", photos.OutputDirectory, "--max-size", "120");

        Assert.Equal(0, run.ExitCode);
        var wideSize = Thumbnail.FitSize(300, 200, 120, 120);
        var tallSize = Thumbnail.FitSize(90, 160, 120, 120);
        // What Pillow 9.4's thumbnail((120, 120)) gives: 67.5 is a tie, and Pillow keeps the floor.
        Assert.Equal(new ImageSize(120, 80), wideSize);
        Assert.Equal(new ImageSize(67, 120), tallSize);
        AssertImage(photos.OutputOf("wide.jpg"), ImageFormat.Jpeg, wideSize.Width, wideSize.Height);
        AssertImage(photos.OutputOf("tall.jpg"), ImageFormat.Jpeg, tallSize.Width, tallSize.Height);
    }

    [Fact]
    public void FormatPng_WritesPngFiles_AndMaxSize0_KeepsTheSize()
    {
        using var photos = new PhotoFolder();
        string photo = photos.WriteJpeg("photo.jpg", 1300, 40);

        var run = CliProgram.Run("convert", photo, "--out", photos.OutputDirectory, "--format", "png", "--max-size", "0");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["photo.png"], photos.OutputNames());
        AssertImage(photos.OutputOf("photo.png"), ImageFormat.Png, 1300, 40);
    }

    [Fact]
    public void NoBlur_NoResize_ToPng_ReproducesAPngSourceExactly()
    {
        using var photos = new PhotoFolder();
        string source = photos.WritePng("source.png", 37, 23);

        var run = CliProgram.Run("convert", source, "--out", photos.OutputDirectory, "--blur-radius", "0", "--max-size", "0", "--format", "png");

        Assert.Equal(0, run.ExitCode);
        using var expected = ImageCodec.Load(source);
        using var actual = ImageCodec.Load(photos.OutputOf("source.png"));
        Assert.Equal((expected.Width, expected.Height, expected.Format), (actual.Width, actual.Height, actual.Format));
        Assert.True(expected.Pixels.SequenceEqual(actual.Pixels), "The output's pixels differ from the source's.");
    }

    [Fact]
    public void Blur_ChangesThePixels()
    {
        // The counterpart of the exact copy above: proves --blur-radius reaches the pipeline.
        using var photos = new PhotoFolder();
        string source = photos.WritePng("source.png", 37, 23);

        var run = CliProgram.Run("convert", source, "--out", photos.OutputDirectory, "--blur-radius", "2", "--max-size", "0", "--format", "png");

        Assert.Equal(0, run.ExitCode);
        using var original = ImageCodec.Load(source);
        using var blurred = ImageCodec.Load(photos.OutputOf("source.png"));
        Assert.False(original.Pixels.SequenceEqual(blurred.Pixels), "A blur of radius 2 left every pixel as it was.");
    }

    [Fact]
    public void Table_ShowsEachPhotosSize_AndTheTimeOfEachStage()
    {
        using var photos = new PhotoFolder();
        string wide = photos.WriteJpeg("wide.jpg", 300, 200);

        var run = CliProgram.Run("convert", wide, "--out", photos.OutputDirectory, "--max-size", "120");

        Assert.Equal(0, run.ExitCode);
        string header = run.StdoutLines[0];
        foreach (string column in new[] { "File", "Size", "Decode", "Blur", "Thumbnail", "Encode", "Total", "Result" })
            Assert.Contains(column, header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        string row = Assert.Single(run.StdoutLines, l => l.StartsWith("Sequential ", StringComparison.Ordinal));
        Assert.Contains("wide.jpg", row);
        Assert.Contains("300x200 -> 120x80", row);
        Assert.EndsWith("OK", row);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("Sequential: 1 items in ", StringComparison.Ordinal));
    }

    [Fact]
    public void ResultsCsv_HasEveryConvertResultColumn_WithStageTimes()
    {
        using var photos = new PhotoFolder();
        string wide = photos.WriteJpeg("wide.jpg", 300, 200);
        string tall = photos.WriteJpeg("tall.jpg", 90, 160);

        var run = CliProgram.Run("convert", wide, tall, "--out", photos.OutputDirectory, "--max-size", "120", "--results", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        var table = CsvTable.Parse(run.Stdout);
        Assert.Equal(ResultColumn.For(typeof(ConvertResult)).Select(c => c.Name), table.Header);
        Assert.Contains("DecodeSeconds", table.Header);
        Assert.Contains("BlurSeconds", table.Header);
        Assert.Equal(2, table.Rows.Count);
        var wideRow = Assert.Single(table.Rows, r => r["Label"] == "wide.jpg");
        Assert.Equal("True", wideRow["Success"]);
        Assert.Equal("Sequential", wideRow["Mode"]);
        Assert.Equal(wide, wideRow["InputPath"]);
        Assert.Equal(photos.OutputOf("wide.jpg"), wideRow["OutputPath"]);
        Assert.Equal(("300", "200", "120", "80"), (wideRow["SourceWidth"], wideRow["SourceHeight"], wideRow["OutputWidth"], wideRow["OutputHeight"]));
        Assert.True(CsvTable.Number(wideRow, "DecodeSeconds") > 0, "No decode time.");
        Assert.True(CsvTable.Number(wideRow, "BlurSeconds") > 0, "No blur time.");
        Assert.Equal(new FileInfo(photos.OutputOf("wide.jpg")).Length, (long)CsvTable.Number(wideRow, "OutputBytes"));
    }

    [Fact]
    public void ResultsJson_WritesOneObjectPerPhoto()
    {
        using var photos = new PhotoFolder();
        string wide = photos.WriteJpeg("wide.jpg", 300, 200);
        string tall = photos.WriteJpeg("tall.jpg", 90, 160);

        var run = CliProgram.Run("convert", wide, tall, "--out", photos.OutputDirectory, "--results", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.StdoutLines.Length);
        Assert.All(run.StdoutLines, line =>
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.GetProperty("Success").GetBoolean());
            Assert.True(json.RootElement.GetProperty("BlurSeconds").GetDouble() > 0);
        });
    }

    private static void AssertImage(string path, ImageFormat format, int width, int height)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(format, ImageCodec.DetectFormat(bytes));
        using var image = ImageCodec.Decode(bytes);
        Assert.Equal((width, height), (image.Width, image.Height));
    }
}

public sealed class ConvertModeTests
{
    [Fact]
    public void EveryMode_WritesTheSameBytes_AndALaterRunReplacesOutputsOnlyWithForce()
    {
        using var photos = new PhotoFolder();
        string[] inputs = [photos.WriteJpeg("a.jpg", 300, 200), photos.WriteJpeg("b.jpg", 200, 300), photos.WriteJpeg("c.jpg", 250, 250)];
        var sequential = CliProgram.Run(["convert", .. inputs, "--out", photos.OutputDirectory, "--max-size", "100"]);
        Assert.Equal(0, sequential.ExitCode);
        var reference = inputs.Select(i => File.ReadAllBytes(photos.OutputOf(Path.GetFileName(i)))).ToList();

        var refused = CliProgram.Run(["convert", .. inputs, "--out", photos.OutputDirectory, "--max-size", "100", "--mode", "thread"]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(3, refused.StderrLines.Count(l => l.Contains("Use --force to replace it.", StringComparison.Ordinal)));

        var modes = CliProgram.Run(["convert", .. inputs, "--out", photos.OutputDirectory, "--max-size", "100",
            "--mode", "thread,pool,process,async", "--throttle-limit", "2", "--force", "--results", "csv"]);
        Assert.Equal(0, modes.ExitCode);
        var rows = CsvTable.Parse(modes.Stdout).Rows;
        Assert.Equal(12, rows.Count);
        Assert.Equal(["Thread", "Pool", "Process", "Async"], rows.Select(r => r["Mode"]).Distinct());
        for (int i = 0; i < inputs.Length; i++)
            Assert.Equal(reference[i], File.ReadAllBytes(photos.OutputOf(Path.GetFileName(inputs[i]))));
    }
}
