using System.Buffers.Binary;
using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Tests.Common;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Decoding;

/// <summary>Decoder behaviour beyond pixel accuracy: metadata, limits, unsupported features and error messages.</summary>
public sealed class JpegDecoderTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(TestPaths.Fixtures("jpeg", name));

    [Theory]
    [InlineData("exif-orientation-6.jpg", 6)] // big-endian TIFF
    [InlineData("exif-orientation-3.jpg", 3)] // little-endian TIFF
    [InlineData("exif-orientation-8.jpg", 8)]
    [InlineData("baseline-420.jpg", 1)]       // no EXIF
    public void Decode_ReportsExifOrientationWithoutApplyingIt(string name, int orientation)
    {
        using ImageBuffer image = JpegDecoder.Decode(Fixture(name));
        Assert.Equal(orientation, image.Orientation);
        Assert.Equal((61, 47), (image.Width, image.Height));
        Assert.Equal(orientation, JpegDecoder.Identify(Fixture(name)).Orientation);

        var expected = ReferenceImage.ReadPnm(TestPaths.Fixtures("jpeg", "baseline-420.ppm"));
        Assert.Equal(0, ImageDifference.Measure(image, expected).MaxDifference);
    }

    [Fact]
    public void Identify_ReadsHeadersOnly()
    {
        JpegInfo progressive = JpegDecoder.Identify(Fixture("progressive-420.jpg"));
        Assert.Equal(new JpegInfo(99, 73, 3, true, PixelFormat.Rgb24, 1), progressive);
        JpegInfo grey = JpegDecoder.Identify(Fixture("grey.jpg"));
        Assert.Equal(new JpegInfo(61, 47, 1, false, PixelFormat.Gray8, 1), grey);
    }

    [Fact]
    public void Decode_GreyImage_IsGray8()
    {
        using ImageBuffer image = JpegDecoder.Decode(Fixture("grey.jpg"));
        Assert.Equal(PixelFormat.Gray8, image.Format);
    }

    [Fact]
    public void Decode_MorePixelsThanTheLimit_IsRefusedBeforeDecoding()
    {
        var e = Assert.Throws<InvalidImageException>(() => JpegDecoder.Decode(Fixture("baseline-420.jpg"), new DecodeOptions { MaxPixels = 61 * 47 - 1 }));
        Assert.Contains("exceeds the limit", e.Message);
        using ImageBuffer exactlyAtLimit = JpegDecoder.Decode(Fixture("baseline-420.jpg"), new DecodeOptions { MaxPixels = 61 * 47 });
        Assert.Equal(61, exactlyAtLimit.Width);
    }

    [Fact]
    public void Decode_HugeClaimedSize_IsRefusedWithTheDefaultLimit()
    {
        byte[] data = Fixture("baseline-420.jpg");
        int sof = FindMarker(data, 0xC0);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(sof + 5), 60000); // height
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(sof + 7), 60000); // width
        var e = Assert.Throws<InvalidImageException>(() => JpegDecoder.Decode(data));
        Assert.Contains("60000x60000", e.Message);
    }

    [Fact]
    public void Decode_WithoutHuffmanTables_UsesTheAnnexK3Tables()
    {
        // standard-tables.jpg was written with the K.3 tables; with its DHT segments removed it must
        // decode identically, which also proves JpegTables holds the right K.3 tables.
        byte[] original = Fixture("standard-tables.jpg");
        byte[] stripped = RemoveSegments(original, 0xC4);
        Assert.True(stripped.Length < original.Length - 400);
        using ImageBuffer expected = JpegDecoder.Decode(original);
        using ImageBuffer actual = JpegDecoder.Decode(stripped);
        Assert.True(expected.Pixels.SequenceEqual(actual.Pixels));
    }

    [Fact]
    public void JpegTables_MatchTheTablesLibjpegWritesAtQuality50()
    {
        byte[] data = Fixture("standard-tables.jpg");
        byte[] dqt = SegmentPayloads(data, 0xDB).SelectMany(p => p).ToArray();
        ReadOnlySpan<byte> zigZag = JpegTables.ZigZagToNatural;
        // Payload: [Pq/Tq, 64 values in zig-zag order] per table; luminance is table 0, chrominance 1.
        for (int i = 0; i < 64; i++)
        {
            Assert.Equal(JpegTables.LuminanceQuantization[zigZag[i]], dqt[1 + i]);
            Assert.Equal(JpegTables.ChrominanceQuantization[zigZag[i]], dqt[66 + i]);
        }
        var dht = SegmentPayloads(data, 0xC4).SelectMany(p => p).ToArray();
        var tables = new Dictionary<int, (byte[] Counts, byte[] Symbols)>();
        for (int p = 0; p < dht.Length;)
        {
            int id = dht[p];
            byte[] counts = dht.AsSpan(p + 1, 16).ToArray();
            int total = counts.Sum(c => c);
            tables[id] = (counts, dht.AsSpan(p + 17, total).ToArray());
            p += 17 + total;
        }
        Assert.Equal(JpegTables.DcLuminanceCounts.ToArray(), tables[0x00].Counts);
        Assert.Equal(JpegTables.DcLuminanceSymbols.ToArray(), tables[0x00].Symbols);
        Assert.Equal(JpegTables.DcChrominanceCounts.ToArray(), tables[0x01].Counts);
        Assert.Equal(JpegTables.DcChrominanceSymbols.ToArray(), tables[0x01].Symbols);
        Assert.Equal(JpegTables.AcLuminanceCounts.ToArray(), tables[0x10].Counts);
        Assert.Equal(JpegTables.AcLuminanceSymbols.ToArray(), tables[0x10].Symbols);
        Assert.Equal(JpegTables.AcChrominanceCounts.ToArray(), tables[0x11].Counts);
        Assert.Equal(JpegTables.AcChrominanceSymbols.ToArray(), tables[0x11].Symbols);
    }

    [Theory]
    [InlineData(0xC3, "lossless JPEG")]
    [InlineData(0xC7, "lossless JPEG")]
    [InlineData(0xCB, "lossless JPEG")]
    [InlineData(0xCF, "lossless JPEG")]
    [InlineData(0xC5, "hierarchical JPEG")]
    [InlineData(0xC6, "hierarchical JPEG")]
    [InlineData(0xC9, "arithmetic coding")]
    [InlineData(0xCA, "arithmetic coding")]
    [InlineData(0xCD, "arithmetic coding")]
    [InlineData(0xCE, "arithmetic coding")]
    public void Decode_UnsupportedCodingProcess_NamesTheFeature(byte sofMarker, string feature)
    {
        byte[] data = Fixture("baseline-420.jpg");
        data[FindMarker(data, 0xC0) + 1] = sofMarker;
        var e = Assert.Throws<UnsupportedImageException>(() => JpegDecoder.Decode(data));
        Assert.Equal(feature, e.Feature);
        Assert.Equal($"not supported: {feature}", e.Message);
    }

    [Fact]
    public void Decode_RealArithmeticFile_IsUnsupported()
    {
        var e = Assert.Throws<UnsupportedImageException>(() => JpegDecoder.Decode(Fixture("arithmetic.jpg")));
        Assert.Equal("arithmetic coding", e.Feature);
    }

    [Fact]
    public void Decode_TwelveBitPrecision_IsUnsupported()
    {
        byte[] data = Fixture("baseline-420.jpg");
        data[FindMarker(data, 0xC0) + 4] = 12;
        var e = Assert.Throws<UnsupportedImageException>(() => JpegDecoder.Decode(data));
        Assert.Contains("12-bit", e.Message);
    }

    public static TheoryData<string, Func<byte[], byte[]>, string> MalformedInputs() => new()
    {
        { "empty", _ => [], "missing SOI" },
        { "not a JPEG", _ => "GIF89a......"u8.ToArray(), "missing SOI" },
        { "headers only", d => d[..FindMarker(d, 0xC0)], "missing SOF" },
        { "cut inside SOF", d => d[..(FindMarker(d, 0xC0) + 6)], "truncated" },
        { "no scan", d => [.. d[..FindMarker(d, 0xDA)], 0xFF, 0xD9], "missing SOS" },
        { "zero width", d => WithSof(WithSof(d, 7, 0), 8, 0), "width is zero" },
        { "zero height", d => WithSof(WithSof(d, 5, 0), 6, 0), "height is zero" },
        { "bad precision", d => WithSof(d, 4, 9), "precision" },
        { "two components", d => WithSof(d, 9, 2), "components" },
        { "255 components", d => WithSof(d, 9, 255), "components" },
        { "zero sampling factor", d => WithSof(d, 11, 0x00), "sampling factors" },
        { "bad quantization table id", d => WithSof(d, 12, 7), "quantization table id" },
        { "bad segment length", d => WithByteAt(d, FindMarker(d, 0xDB) + 3, 1), "bogus marker length" },
        { "bogus marker", d => WithByteAt(d, FindMarker(d, 0xDB) + 1, 0x05), "bogus marker" },
        { "bad Huffman table id in SOS", d => WithByteAt(d, FindMarker(d, 0xDA) + 6, 0x5F), "Huffman table id" },
        { "unknown component in SOS", d => WithByteAt(d, FindMarker(d, 0xDA) + 5, 99), "component 99" },
    };

    [Fact]
    public void Decode_MoreScansThanTheLimit_IsRefused()
    {
        byte[] data = Fixture("progressive-420.jpg");
        int scans = 0;
        for (int i = 0; i + 1 < data.Length; i++)
            if (data[i] == 0xFF && data[i + 1] == 0xDA) scans++;
        Assert.InRange(scans, 3, DecodeOptions.DefaultMaxScans);

        using (ImageBuffer image = JpegDecoder.Decode(data, new DecodeOptions { MaxScans = scans }))
            Assert.Equal(99, image.Width);
        var e = Assert.Throws<InvalidImageException>(() => JpegDecoder.Decode(data, new DecodeOptions { MaxScans = scans - 1 }));
        Assert.Contains($"more than {scans - 1} scans", e.Message);
    }

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void Decode_MalformedInput_ThrowsInvalidImageExceptionNamingTheProblem(string description, Func<byte[], byte[]> corrupt, string expectedMessagePart)
    {
        byte[] data = corrupt(Fixture("baseline-420.jpg"));
        var e = Assert.ThrowsAny<InvalidImageException>(() => JpegDecoder.Decode(data));
        Assert.True(e.Message.Contains(expectedMessagePart, StringComparison.OrdinalIgnoreCase), $"{description}: message was '{e.Message}'");
    }

    [Fact]
    public void Decode_CorruptHuffmanTable_IsRejected()
    {
        byte[] data = Fixture("baseline-420.jpg");
        int dht = FindMarker(data, 0xC4);
        Assert.Equal(new byte[] { 0, 1, 5 }, data[(dht + 5)..(dht + 8)]); // the K.3 DC luminance counts
        // Same number of symbols, but two codes of length 1 leave no room for any longer code.
        data[dht + 5] = 2;
        data[dht + 6] = 0;
        data[dht + 7] = 4;
        var e = Assert.Throws<InvalidImageException>(() => JpegDecoder.Decode(data));
        Assert.Contains("Huffman table", e.Message);
    }

    private static byte[] WithSof(byte[] data, int offsetFromMarker, byte value) => WithByteAt(data, FindMarker(data, 0xC0) + offsetFromMarker, value);

    private static byte[] WithByteAt(byte[] data, int index, byte value)
    {
        byte[] copy = (byte[])data.Clone();
        copy[index] = value;
        return copy;
    }

    /// <summary>Offset of the 0xFF of the first marker segment with this code (header segments only).</summary>
    private static int FindMarker(byte[] data, byte marker)
    {
        int p = 2;
        while (p + 4 <= data.Length && data[p] == 0xFF)
        {
            if (data[p + 1] == marker) return p;
            if (data[p + 1] == 0xDA) break;
            p += 2 + BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(p + 2));
        }
        throw new InvalidOperationException($"marker 0x{marker:X2} not found in the headers");
    }

    private static IEnumerable<byte[]> SegmentPayloads(byte[] data, byte marker)
    {
        int p = 2;
        while (p + 4 <= data.Length && data[p] == 0xFF && data[p + 1] != 0xDA)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(p + 2));
            if (data[p + 1] == marker) yield return data.AsSpan(p + 4, length - 2).ToArray();
            p += 2 + length;
        }
    }

    private static byte[] RemoveSegments(byte[] data, byte marker)
    {
        var result = new List<byte>(data[..2]);
        int p = 2;
        while (data[p] == 0xFF && data[p + 1] != 0xDA)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(p + 2));
            if (data[p + 1] != marker) result.AddRange(data.AsSpan(p, 2 + length).ToArray());
            p += 2 + length;
        }
        result.AddRange(data[p..]);
        return result.ToArray();
    }
}
