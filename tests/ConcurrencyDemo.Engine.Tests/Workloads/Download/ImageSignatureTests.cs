using System.Text;
using ConcurrencyDemo.Engine.Workloads.Download;

namespace ConcurrencyDemo.Engine.Tests;

public sealed class ImageSignatureTests
{
    public static TheoryData<byte[], string> Images => new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], ".jpg" },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], ".png" },
        { Encoding.ASCII.GetBytes("GIF89a\x01\x00\x01\x00"), ".gif" },
        { Encoding.ASCII.GetBytes("GIF87a\x01\x00\x01\x00"), ".gif" },
        { Encoding.ASCII.GetBytes("RIFF\x24\x00\x00\x00WEBPVP8 "), ".webp" },
        { [(byte)'B', (byte)'M', 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0, 1, 0], ".bmp" },
        { [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0], ".tif" },
        { [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8], ".tif" },
        { Box("avif", "mif1", "avif"), ".avif" },
        { Box("mif1", "mif1", "avif", "miaf"), ".avif" },
        { Box("heic", "mif1", "heic"), ".heic" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Each_format_is_told_by_its_first_bytes(byte[] head, string extension) =>
        Assert.Equal(extension, ImageSignature.Detect(head)?.Extension);

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Not found</body></html>")]
    [InlineData("<html>")]
    [InlineData("{\"error\":\"rate limited\"}")]
    [InlineData("BMW is a car, not a bitmap")]
    [InlineData("RIFF....WAVEfmt ")]
    [InlineData("")]
    [InlineData("\xFF\xD8")]
    public void Text_and_other_data_are_not_images(string text) =>
        Assert.Null(ImageSignature.Detect(Encoding.Latin1.GetBytes(text)));

    [Fact]
    public void A_video_in_an_iso_media_box_is_not_an_image() =>
        Assert.Null(ImageSignature.Detect(Box("isom", "isom", "mp41")));

    /// <summary>An ISO-BMFF "ftyp" box: size, "ftyp", major brand, minor version, compatible brands.</summary>
    private static byte[] Box(string major, params string[] compatible)
    {
        var bytes = new List<byte>();
        int size = 16 + 4 * compatible.Length;
        bytes.AddRange([(byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size]);
        bytes.AddRange(Encoding.ASCII.GetBytes("ftyp" + major));
        bytes.AddRange([0, 0, 0, 0]);
        foreach (string brand in compatible) bytes.AddRange(Encoding.ASCII.GetBytes(brand));
        return [.. bytes];
    }
}
