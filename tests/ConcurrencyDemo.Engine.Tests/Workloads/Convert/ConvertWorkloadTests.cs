using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Imaging;
using ConcurrencyDemo.Imaging.Formats;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Pipeline;
using ConcurrencyDemo.Engine.Workloads.Convert;
using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.Tests;

public sealed class ConvertWorkloadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("convert-workload-").FullName;
    private string Out => Path.Combine(_folder, "out");

    public ConvertWorkloadTests() => Directory.CreateDirectory(Out);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Outputs_are_named_after_their_inputs_with_the_formats_extension()
    {
        var plan = ConvertPlan.Create(["a/photo.jpeg", "b/other.JPG"], Out, PhotoConversionOptions.Default with { OutputFormat = ImageFormat.Png }, overwrite: false);

        Assert.Equal([Path.Combine(Out, "photo.png"), Path.Combine(Out, "other.png")], plan.Items.Select(i => i.OutputPath));
        Assert.All(plan.Items, i => Assert.True(Path.IsPathFullyQualified(i.InputPath)));
    }

    [Fact]
    public void Two_inputs_that_would_write_the_same_output_are_refused_up_front()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ConvertPlan.Create(["a/photo.jpg", "b/photo.png"], Out, PhotoConversionOptions.Default, overwrite: true));
        Assert.Contains("photo.jpg", error.Message);
        Assert.Contains("photo.png", error.Message);
    }

    [Fact]
    public void An_output_that_would_replace_its_own_input_is_refused_even_with_overwrite()
    {
        string input = Path.Combine(Out, "photo.jpg");
        var error = Assert.Throws<ArgumentException>(() => ConvertPlan.Create([input], Out, PhotoConversionOptions.Default, overwrite: true));
        Assert.Contains("its own output", error.Message);
    }

    [Theory]
    [InlineData(ExecutionMode.Sequential)]
    [InlineData(ExecutionMode.Pool)]
    [InlineData(ExecutionMode.Process)]
    public void A_batch_converts_good_photos_and_fails_a_bad_one_by_name(ExecutionMode mode)
    {
        string[] inputs = [WriteJpeg("one.jpg", 120, 90), WriteJpeg("two.jpg", 90, 120), Path.Combine(_folder, "broken.jpg")];
        File.WriteAllBytes(inputs[2], [0xFF, 0xD8, 0xFF, 0xDB, 0x00]);
        var options = PhotoConversionOptions.Default with { BlurRadius = 2, MaxSize = 60 };
        var request = TestWorkloads.Sleep(mode, 0, 0, throttleLimit: 2) with
        {
            Workload = new ConvertWorkload(ConvertPlan.Create(inputs, Out, options, overwrite: false)),
        };
        var sink = new RecordingSink();

        var summary = BatchRunner.Run(request, sink).Single();

        var results = sink.Results.Cast<ConvertResult>().OrderBy(r => r.Index).ToList();
        Assert.Equal(2, summary.Succeeded);
        Assert.True(results[0].Success, results[0].Error);
        Assert.Equal((120, 90, 60, 45), (results[0].SourceWidth, results[0].SourceHeight, results[0].OutputWidth, results[0].OutputHeight));
        Assert.Equal((45, 60), (results[1].OutputWidth, results[1].OutputHeight));
        Assert.True(results[0].BlurSeconds > 0 && results[0].DecodeSeconds > 0 && results[0].EncodeSeconds > 0);
        Assert.Equal(new FileInfo(results[0].OutputPath).Length, results[0].OutputBytes);
        Assert.False(results[2].Success);
        Assert.Contains("broken.jpg", results[2].Error);
        Assert.Equal(inputs[2], results[2].InputPath);
        Assert.Equal(["one.jpg", "two.jpg"], Directory.GetFiles(Out).Select(Path.GetFileName).Order());
        if (mode == ExecutionMode.Process)
            Assert.All(results, r => Assert.NotEqual(Environment.ProcessId, r.ProcessId));
    }

    private string WriteJpeg(string name, int width, int height)
    {
        using var image = new ImageBuffer(width, height, PixelFormat.Rgb24);
        var pixels = image.Pixels;
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 7 % 251);
        string path = Path.Combine(_folder, name);
        using var file = File.Create(path);
        ImageCodec.Encode(image, file, ImageFormat.Jpeg);
        return path;
    }
}
