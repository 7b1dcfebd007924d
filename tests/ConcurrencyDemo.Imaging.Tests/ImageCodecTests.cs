using ConcurrencyDemo.Imaging.Formats;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Tests.Formats.Png;

namespace ConcurrencyDemo.Imaging.Tests;

public sealed class ImageCodecTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cd-codec-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] EncodeToBytes(ImageBuffer image, ImageFormat format)
    {
        using var stream = new MemoryStream();
        ImageCodec.Encode(image, stream, format);
        return stream.ToArray();
    }

    [Fact]
    public void DetectsFormatsBySignature()
    {
        using ImageBuffer image = PngTestImages.Create(4, 4, PixelFormat.Rgb24);
        Assert.Equal(ImageFormat.Png, ImageCodec.DetectFormat(EncodeToBytes(image, ImageFormat.Png)));
        Assert.Equal(ImageFormat.Jpeg, ImageCodec.DetectFormat(EncodeToBytes(image, ImageFormat.Jpeg)));
        Assert.Equal(ImageFormat.Unknown, ImageCodec.DetectFormat("GIF89a"u8));
        Assert.Equal(ImageFormat.Unknown, ImageCodec.DetectFormat([]));
        Assert.Equal(ImageFormat.Unknown, ImageCodec.DetectFormat([0xFF, 0xD8]));
    }

    [Fact]
    public void APngNamedJpgIsStillDecodedAsPng()
    {
        using ImageBuffer image = PngTestImages.Create(9, 5, PixelFormat.Rgba32);
        string path = Path.Combine(_directory, "photo.jpg");
        File.WriteAllBytes(path, EncodeToBytes(image, ImageFormat.Png));
        using ImageBuffer loaded = ImageCodec.Load(path);
        Assert.Equal(PixelFormat.Rgba32, loaded.Format);
        Assert.True(image.Pixels.SequenceEqual(loaded.Pixels));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(new byte[] { (byte)'B', (byte)'M', 0, 0 })]
    public void UnknownDataIsAnInvalidImage(byte[] data)
    {
        var error = Assert.Throws<InvalidImageException>(() => ImageCodec.Decode(data));
        Assert.Contains("not a JPEG or PNG", error.Message);
    }

    [Fact]
    public void MissingFileIsAnIOException()
    {
        Assert.ThrowsAny<IOException>(() => ImageCodec.Load(Path.Combine(_directory, "absent.png")));
    }

    [Fact]
    public void SaveWritesADecodableFileAndNothingElse()
    {
        using ImageBuffer image = PngTestImages.Create(12, 7, PixelFormat.Gray8);
        string path = Path.Combine(_directory, "out.png");
        ImageCodec.Save(image, path, ImageFormat.Png);
        Assert.Equal([path], Directory.GetFiles(_directory));
        using ImageBuffer loaded = ImageCodec.Load(path);
        Assert.True(image.Pixels.SequenceEqual(loaded.Pixels));
    }

    [Fact]
    public void SaveRefusesToOverwriteWithoutTheFlag()
    {
        using ImageBuffer image = PngTestImages.Create(3, 3, PixelFormat.Rgb24);
        string path = Path.Combine(_directory, "exists.jpg");
        File.WriteAllText(path, "keep me");
        var error = Assert.ThrowsAny<IOException>(() => ImageCodec.Save(image, path, ImageFormat.Jpeg));
        Assert.Contains("exists.jpg", error.Message);
        Assert.Equal("keep me", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_directory));

        ImageCodec.Save(image, path, ImageFormat.Jpeg, overwrite: true);
        Assert.Equal(ImageFormat.Jpeg, ImageCodec.DetectFormat(File.ReadAllBytes(path)));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void AFailedSaveLeavesNoFileAndNoTemporaryFile()
    {
        var image = PngTestImages.Create(64, 64, PixelFormat.Rgb24);
        image.Dispose(); // encoding now fails part-way, after the temporary file exists
        string path = Path.Combine(_directory, "broken.png");
        Assert.Throws<ObjectDisposedException>(() => ImageCodec.Save(image, path, ImageFormat.Png));
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void AFailedOverwriteKeepsTheOldFile()
    {
        var image = PngTestImages.Create(64, 64, PixelFormat.Rgb24);
        image.Dispose();
        string path = Path.Combine(_directory, "old.jpg");
        File.WriteAllText(path, "old");
        Assert.Throws<ObjectDisposedException>(() => ImageCodec.Save(image, path, ImageFormat.Jpeg, overwrite: true));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void BadArgumentsFailBeforeAnyFileIsCreated()
    {
        using ImageBuffer image = PngTestImages.Create(2, 2, PixelFormat.Rgb24);
        string path = Path.Combine(_directory, "x.jpg");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ImageCodec.Save(image, path, ImageFormat.Jpeg, quality: 0));
        Assert.Equal("quality", error.ParamName);
        Assert.Throws<ArgumentException>(() => ImageCodec.Save(image, path, ImageFormat.Unknown));
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Theory]
    [InlineData("a.JPG", ImageFormat.Jpeg)]
    [InlineData("b.jpeg", ImageFormat.Jpeg)]
    [InlineData("c.png", ImageFormat.Png)]
    [InlineData("d.gif", ImageFormat.Unknown)]
    [InlineData("noextension", ImageFormat.Unknown)]
    public void OutputFormatFollowsTheFileName(string name, ImageFormat expected) =>
        Assert.Equal(expected, ImageCodec.OutputFormatFromFileName(name));
}
