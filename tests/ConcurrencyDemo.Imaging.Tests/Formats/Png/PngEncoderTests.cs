using System.Buffers.Binary;
using ConcurrencyDemo.Imaging.Formats.Png;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Tests.Common;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Png;

public sealed class PngEncoderTests(ITestOutputHelper output)
{
    public static TheoryData<PixelFormat, int, int> Shapes()
    {
        var data = new TheoryData<PixelFormat, int, int>();
        foreach (PixelFormat format in new[] { PixelFormat.Gray8, PixelFormat.Rgb24, PixelFormat.Rgba32 })
            foreach (var (w, h) in new[] { (1, 1), (7, 3), (33, 17), (200, 101) })
                data.Add(format, w, h);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EncodeThenDecodeGivesTheSamePixels(PixelFormat format, int width, int height)
    {
        using ImageBuffer original = PngTestImages.Create(width, height, format, seed: width * height);
        byte[] png = Encode(original);
        using ImageBuffer decoded = PngDecoder.Decode(png);
        Assert.Equal(format, decoded.Format);
        Assert.Equal(width, decoded.Width);
        Assert.Equal(height, decoded.Height);
        Assert.True(original.Pixels.SequenceEqual(decoded.Pixels));
    }

    [Fact]
    public void FileHasSignatureHeaderAndEndsWithIend()
    {
        using ImageBuffer image = PngTestImages.Create(5, 4, PixelFormat.Rgb24);
        byte[] png = Encode(image);
        Assert.True(png.AsSpan(0, 8).SequenceEqual(PngSignature.Bytes));
        Assert.Equal(13u, BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(8)));
        Assert.Equal(PngChunkType.Ihdr, BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(12)));
        Assert.Equal(5u, BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(4u, BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20)));
        Assert.Equal(8, png[24]);
        Assert.Equal(2, png[25]);
        // The last chunk is an empty IEND with its well-known CRC.
        Assert.True(png.AsSpan(png.Length - 12).SequenceEqual(new byte[] { 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }));
    }

    [Fact]
    public void LargeImagesSpanSeveralIdatChunks()
    {
        using ImageBuffer image = PngTestImages.Create(400, 400, PixelFormat.Rgba32, seed: 9);
        byte[] png = Encode(image);
        int idatChunks = 0;
        for (int position = 8; position < png.Length;)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position));
            if (BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 4)) == PngChunkType.Idat) idatChunks++;
            position += length + 12;
        }
        Assert.True(idatChunks > 1, $"expected several IDAT chunks, got {idatChunks}");
        using ImageBuffer decoded = PngDecoder.Decode(png);
        Assert.True(image.Pixels.SequenceEqual(decoded.Pixels));
    }

    [Fact]
    public void AdaptiveFilteringBeatsNoFilteringOnASmoothImage()
    {
        using var image = new ImageBuffer(256, 256, PixelFormat.Rgb24);
        for (int y = 0; y < 256; y++)
            for (int x = 0; x < 256; x++)
            {
                Span<byte> pixel = image.GetRow(y).Slice(3 * x, 3);
                pixel[0] = (byte)(x + y); pixel[1] = (byte)(x * 2 + y / 3); pixel[2] = (byte)(y * 3 - x);
            }
        byte[] png = Encode(image);
        // A gradient compresses far better once the Sub/Up/Paeth filters turn it into near-constant rows.
        Assert.True(png.Length < 256 * 256 * 3 / 20, $"gradient PNG is {png.Length} bytes");
    }

    [Theory]
    [InlineData(PixelFormat.Gray8, "L")]
    [InlineData(PixelFormat.Rgb24, "RGB")]
    [InlineData(PixelFormat.Rgba32, "RGBA")]
    public void PillowReadsOurOutputExactly(PixelFormat format, string pillowMode)
    {
        if (ExternalTool.PythonWithPil is not { } python)
        {
            output.WriteLine("Skipped: /usr/bin/python3 with PIL is not available.");
            return;
        }
        using ImageBuffer image = PngTestImages.Create(37, 23, format, seed: 5);
        string path = Path.Combine(Path.GetTempPath(), $"cd-png-{Guid.NewGuid():N}.png");
        try
        {
            File.WriteAllBytes(path, Encode(image));
            var result = ExternalTool.Run(python, ["-c",
                "import sys; from PIL import Image; im = Image.open(sys.argv[1]); im.load(); " +
                "sys.stdout.buffer.write(im.mode.encode() + b'\\n' + im.tobytes())", path]);
            Assert.True(result.ExitCode == 0, result.Stderr);
            int newline = Array.IndexOf(result.Stdout, (byte)'\n');
            Assert.Equal(pillowMode, System.Text.Encoding.ASCII.GetString(result.Stdout, 0, newline));
            Assert.True(image.Pixels.SequenceEqual(result.Stdout.AsSpan(newline + 1)), "Pillow decoded different pixels");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RejectsNullArguments()
    {
        using var image = new ImageBuffer(1, 1, PixelFormat.Gray8);
        Assert.Throws<ArgumentNullException>(() => PngEncoder.Encode(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>(() => PngEncoder.Encode(image, null!));
    }

    internal static byte[] Encode(ImageBuffer image)
    {
        using var stream = new MemoryStream();
        PngEncoder.Encode(image, stream);
        return stream.ToArray();
    }
}
