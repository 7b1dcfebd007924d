using System.Buffers.Binary;
using ConcurrencyDemo.Imaging.Formats.Exif;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Exif;

public sealed class ExifOrientationReaderTests
{
    /// <summary>A TIFF header and IFD0 holding the given entries, as PNG's eXIf chunk carries it.</summary>
    private static byte[] Tiff(bool littleEndian, uint ifdOffset = 8, params (ushort Tag, ushort Type, uint Count, ushort Value)[] entries)
    {
        var tiff = new byte[8 + 2 + 12 * entries.Length + 4];
        tiff[0] = tiff[1] = (byte)(littleEndian ? 'I' : 'M');
        Write16(tiff, 2, 42, littleEndian);
        Write32(tiff, 4, ifdOffset, littleEndian);
        Write16(tiff, 8, (ushort)entries.Length, littleEndian);
        for (int i = 0; i < entries.Length; i++)
        {
            int e = 10 + 12 * i;
            Write16(tiff, e, entries[i].Tag, littleEndian);
            Write16(tiff, e + 2, entries[i].Type, littleEndian);
            Write32(tiff, e + 4, entries[i].Count, littleEndian);
            Write16(tiff, e + 8, entries[i].Value, littleEndian);
        }
        return tiff;
    }

    /// <summary>An APP1 payload: "Exif\0\0" before the TIFF structure.</summary>
    private static byte[] Exif(bool littleEndian, uint ifdOffset = 8, params (ushort Tag, ushort Type, uint Count, ushort Value)[] entries) =>
        [.. "Exif\0\0"u8, .. Tiff(littleEndian, ifdOffset, entries)];

    private static void Write16(byte[] b, int o, ushort v, bool le)
    {
        if (le) BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(o), v); else BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(o), v);
    }

    private static void Write32(byte[] b, int o, uint v, bool le)
    {
        if (le) BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(o), v); else BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(o), v);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadsOrientationInBothByteOrders(bool littleEndian)
    {
        byte[] exif = Exif(littleEndian, 8, (0x010F, 2, 4, 0), (0x0112, 3, 1, 5));
        Assert.Equal(5, ExifOrientationReader.ReadFromApp1(exif));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadsOrientationFromABareTiffBlock(bool littleEndian)
    {
        Assert.Equal(7, ExifOrientationReader.ReadFromTiff(Tiff(littleEndian, 8, (0x0112, 3, 1, 7))));
        Assert.Null(ExifOrientationReader.ReadFromApp1(Tiff(littleEndian, 8, (0x0112, 3, 1, 7)))); // APP1 needs its signature
    }

    [Fact]
    public void IgnoresBadInput()
    {
        Assert.Null(ExifOrientationReader.ReadFromApp1([]));
        Assert.Null(ExifOrientationReader.ReadFromApp1("http://ns.adobe.com/xap/1.0/\0"u8));        // XMP, not EXIF
        Assert.Null(ExifOrientationReader.ReadFromApp1(Exif(true, 8)));                             // no orientation tag
        Assert.Null(ExifOrientationReader.ReadFromApp1(Exif(true, 0xFFFF_FFF0, (0x0112, 3, 1, 6)))); // IFD offset past the end
        Assert.Null(ExifOrientationReader.ReadFromApp1(Exif(true, 8, (0x0112, 3, 1, 0))));          // out of range value
        Assert.Null(ExifOrientationReader.ReadFromApp1(Exif(true, 8, (0x0112, 3, 1, 9))));
        Assert.Null(ExifOrientationReader.ReadFromApp1(Exif(true, 8, (0x0112, 4, 1, 6))));          // wrong type
        byte[] truncated = Exif(false, 8, (0x0112, 3, 1, 6));
        Assert.Null(ExifOrientationReader.ReadFromApp1(truncated.AsSpan(0, truncated.Length - 10)));
        byte[] badMagic = Exif(false, 8, (0x0112, 3, 1, 6));
        badMagic[9] = 43;
        Assert.Null(ExifOrientationReader.ReadFromApp1(badMagic));
    }

    [Fact]
    public void IgnoresAnIfdInsideTheHeaderAndAnOrientationWithoutValues()
    {
        Assert.Null(ExifOrientationReader.ReadFromTiff(Tiff(true, 4, (0x0112, 3, 1, 6))));
        Assert.Null(ExifOrientationReader.ReadFromTiff(Tiff(true, 8, (0x0112, 3, 0, 6))));
    }
}
