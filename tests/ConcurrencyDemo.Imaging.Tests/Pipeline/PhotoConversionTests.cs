using ConcurrencyDemo.Imaging.Formats;
using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Pipeline;
using ConcurrencyDemo.Imaging.Processing;
using ConcurrencyDemo.Imaging.Tests.Processing;
using ConcurrencyDemo.Tests.Common;

namespace ConcurrencyDemo.Imaging.Tests.Pipeline;

public sealed class PhotoConversionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("photo-conversion-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Converts_a_jpeg_into_a_blurred_thumbnail_and_times_every_stage()
    {
        byte[] jpeg = Jpeg(300, 200);
        using var output = new MemoryStream();

        var result = PhotoConversion.Convert(jpeg, output, PhotoConversionOptions.Default with { BlurRadius = 3, MaxSize = 120 });

        Assert.Equal((300, 200), (result.SourceWidth, result.SourceHeight));
        Assert.Equal((120, 80), (result.OutputWidth, result.OutputHeight));
        Assert.Equal(jpeg.Length, result.InputBytes);
        Assert.Equal(output.Length, result.OutputBytes);
        Assert.All(new[] { result.DecodeSeconds, result.BlurSeconds, result.ThumbnailSeconds, result.EncodeSeconds }, s => Assert.True(s > 0));
        using var decoded = ImageCodec.Decode(output.ToArray());
        Assert.Equal((120, 80), (decoded.Width, decoded.Height));
    }

    [Theory]
    [InlineData("progressive-420.jpg", false)] // 99x73: 16-row MCUs, a short last block of rows
    [InlineData("baseline-422.jpg", false)]    // 8-row MCUs
    [InlineData("progressive-420.jpg", true)]  // oriented: the rows are blurred after decoding
    public void Rows_blurred_while_decoding_give_the_bytes_of_blurring_the_decoded_image(string fixture, bool applyOrientation)
    {
        byte[] jpeg = File.ReadAllBytes(TestPaths.Fixtures("jpeg", fixture));
        var options = PhotoConversionOptions.Default with { BlurRadius = 4, MaxSize = 40, ApplyOrientation = applyOrientation };
        using var output = new MemoryStream();
        PhotoConversion.Convert(jpeg, output, options);

        using ImageBuffer image = ImageCodec.Decode(jpeg);
        GaussianBlur.Apply(image, options.BlurRadius);
        using ImageBuffer thumbnail = Thumbnail.Create(image, options.MaxSize, options.MaxSize);
        using var expected = new MemoryStream();
        ImageCodec.Encode(thumbnail, expected, options.OutputFormat, options.Quality);

        Assert.Equal(expected.ToArray(), output.ToArray());
    }

    [Fact]
    public void Max_size_zero_keeps_the_size_and_radius_zero_skips_the_blur()
    {
        using var source = TestImages.Random(40, 30, PixelFormat.Rgb24, seed: 3);
        using var png = new MemoryStream();
        ImageCodec.Encode(source, png, ImageFormat.Png);
        using var output = new MemoryStream();

        PhotoConversion.Convert(png.ToArray(), output, PhotoConversionOptions.Default with { BlurRadius = 0, MaxSize = 0, OutputFormat = ImageFormat.Png });

        using var decoded = ImageCodec.Decode(output.ToArray());
        Assert.Equal(0, ImageComparison.MaxDifference(source, decoded));
    }

    [Fact]
    public void Converting_a_file_writes_the_output_and_leaves_no_temporary_file()
    {
        string input = Path.Combine(_folder, "in.jpg");
        string outputPath = Path.Combine(_folder, "out.jpg");
        File.WriteAllBytes(input, Jpeg(64, 48));

        var result = PhotoConversion.ConvertFile(input, outputPath, PhotoConversionOptions.Default with { MaxSize = 32 }, overwrite: false);

        Assert.Equal(new FileInfo(outputPath).Length, result.OutputBytes);
        Assert.Equal(["in.jpg", "out.jpg"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_file_that_is_not_an_image_fails_and_leaves_no_output()
    {
        string input = Path.Combine(_folder, "notes.jpg");
        File.WriteAllText(input, "not a picture");
        string outputPath = Path.Combine(_folder, "out.jpg");

        Assert.ThrowsAny<InvalidImageException>(() => PhotoConversion.ConvertFile(input, outputPath, PhotoConversionOptions.Default, overwrite: false));

        Assert.Equal(["notes.jpg"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void An_existing_output_is_kept_unless_overwrite_is_asked_for()
    {
        string input = Path.Combine(_folder, "in.jpg");
        string outputPath = Path.Combine(_folder, "out.jpg");
        File.WriteAllBytes(input, Jpeg(64, 48));
        File.WriteAllText(outputPath, "precious");

        var error = Assert.ThrowsAny<IOException>(() => PhotoConversion.ConvertFile(input, outputPath, PhotoConversionOptions.Default, overwrite: false));
        Assert.Contains("already exists", error.Message);
        Assert.Equal("precious", File.ReadAllText(outputPath));

        PhotoConversion.ConvertFile(input, outputPath, PhotoConversionOptions.Default, overwrite: true);
        Assert.NotEqual("precious", File.ReadAllText(outputPath));
        Assert.Equal(2, Directory.GetFiles(_folder).Length);
    }

    [Theory]
    [InlineData(-1f, 1200, 75)]
    [InlineData(float.NaN, 1200, 75)]
    [InlineData(15f, -5, 75)]
    [InlineData(15f, 1200, 0)]
    [InlineData(15f, 1200, 101)]
    public void Impossible_options_are_refused_by_name_when_they_are_set(float radius, int maxSize, int quality)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => PhotoConversionOptions.Default with { BlurRadius = radius, MaxSize = maxSize, Quality = quality });
        Assert.NotNull(error.ParamName);
    }

    [Fact]
    public void Cancellation_stops_between_stages()
    {
        using var output = new MemoryStream();
        Assert.Throws<OperationCanceledException>(() =>
            PhotoConversion.Convert(Jpeg(64, 48), output, PhotoConversionOptions.Default, new CancellationToken(canceled: true)));
        Assert.Equal(0, output.Length);
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var image = TestImages.Random(width, height, PixelFormat.Rgb24, seed: width + height);
        using var stream = new MemoryStream();
        JpegEncoder.Encode(image, stream);
        return stream.ToArray();
    }
}
