using System.Buffers.Binary;
using ConcurrencyDemo.Imaging.Formats.Exif;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Exif;

public sealed class ExifOrientationReaderTests
{
    /// <summary>An APP1 payload: "Exif\0\0", a TIFF header and IFD0 holding the given entries.</summary>
    private static byte[] Exif(bool littleEndian, uint ifdOffset = 8, params (ushort Tag, ushort Type, uint Count, ushort Value)[] entries)
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
        return [.. "Exif\0\0"u8, .. tiff];
    }

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
        Assert.Equal(5, ExifOrientationReader.ReadOrientation(exif));
    }

    [Fact]
    public void IgnoresBadInput()
    {
        Assert.Null(ExifOrientationReader.ReadOrientation([]));
        Assert.Null(ExifOrientationReader.ReadOrientation("http://ns.adobe.com/xap/1.0/\0"u8));        // XMP, not EXIF
        Assert.Null(ExifOrientationReader.ReadOrientation(Exif(true, 8)));                             // no orientation tag
        Assert.Null(ExifOrientationReader.ReadOrientation(Exif(true, 0xFFFF_FFF0, (0x0112, 3, 1, 6)))); // IFD offset past the end
        Assert.Null(ExifOrientationReader.ReadOrientation(Exif(true, 8, (0x0112, 3, 1, 0))));          // out of range value
        Assert.Null(ExifOrientationReader.ReadOrientation(Exif(true, 8, (0x0112, 3, 1, 9))));
        Assert.Null(ExifOrientationReader.ReadOrientation(Exif(true, 8, (0x0112, 4, 1, 6))));          // wrong type
        byte[] truncated = Exif(false, 8, (0x0112, 3, 1, 6));
        Assert.Null(ExifOrientationReader.ReadOrientation(truncated.AsSpan(0, truncated.Length - 10)));
        byte[] badMagic = Exif(false, 8, (0x0112, 3, 1, 6));
        badMagic[9] = 43;
        Assert.Null(ExifOrientationReader.ReadOrientation(badMagic));
    }
}
