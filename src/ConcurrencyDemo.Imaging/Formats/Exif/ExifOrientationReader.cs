using System.Buffers.Binary;

namespace ConcurrencyDemo.Imaging.Formats.Exif;

/// <summary>
/// Reads the orientation tag (0x0112) from EXIF data: a TIFF structure, bare in PNG's eXIf chunk and
/// after the "Exif\0\0" signature in JPEG's APP1 segment. EXIF comes from every camera and editor there
/// is, broken ones included, so every offset is checked and anything odd yields "no value": orientation
/// is a hint, never a reason to reject the image.
/// </summary>
internal static class ExifOrientationReader
{
    private const ushort OrientationTag = 0x0112;
    private const ushort TypeShort = 3;
    private const int TiffHeaderLength = 8;

    /// <summary>The orientation 1-8 from a JPEG APP1 payload, or null when it is not EXIF or has no valid orientation.</summary>
    public static int? ReadFromApp1(ReadOnlySpan<byte> app1Payload)
    {
        ReadOnlySpan<byte> signature = "Exif\0\0"u8;
        return app1Payload.StartsWith(signature) ? ReadFromTiff(app1Payload[signature.Length..]) : null;
    }

    /// <summary>The orientation 1-8 from a TIFF-structured EXIF block, or null when it has no valid orientation.</summary>
    public static int? ReadFromTiff(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < TiffHeaderLength) return null;

        bool littleEndian;
        if (tiff[0] == 'I' && tiff[1] == 'I') littleEndian = true;
        else if (tiff[0] == 'M' && tiff[1] == 'M') littleEndian = false;
        else return null;
        if (ReadUInt16(tiff, 2, littleEndian) != 42) return null;

        long ifdOffset = ReadUInt32(tiff, 4, littleEndian);
        if (ifdOffset < TiffHeaderLength || ifdOffset + 2 > tiff.Length) return null;
        int entryCount = ReadUInt16(tiff, (int)ifdOffset, littleEndian);
        int entriesStart = (int)ifdOffset + 2;
        for (int i = 0; i < entryCount; i++)
        {
            int entry = entriesStart + 12 * i;
            if (entry + 12 > tiff.Length) return null;
            if (ReadUInt16(tiff, entry, littleEndian) != OrientationTag) continue;
            if (ReadUInt16(tiff, entry + 2, littleEndian) != TypeShort) return null;
            if (ReadUInt32(tiff, entry + 4, littleEndian) < 1) return null;
            // A single SHORT sits in the first two bytes of the value field, in the file's byte order.
            int value = ReadUInt16(tiff, entry + 8, littleEndian);
            return value is >= 1 and <= 8 ? value : null;
        }
        return null;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> data, int offset, bool littleEndian) =>
        littleEndian
            ? BinaryPrimitives.ReadUInt16LittleEndian(data[offset..])
            : BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);

    private static uint ReadUInt32(ReadOnlySpan<byte> data, int offset, bool littleEndian) =>
        littleEndian
            ? BinaryPrimitives.ReadUInt32LittleEndian(data[offset..])
            : BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
}
