namespace ConcurrencyDemo.Imaging.Formats.Exif;

/// <summary>
/// Reads the orientation tag (0x0112) from an APP1 EXIF payload. EXIF comes from every camera and
/// editor there is, broken ones included, so every offset is checked and anything odd yields "no value".
/// </summary>
internal static class ExifOrientationReader
{
    private const ushort OrientationTag = 0x0112;
    private const ushort TypeShort = 3;

    /// <summary>The orientation 1-8, or null when the payload is not EXIF or has no valid orientation.</summary>
    public static int? ReadOrientation(ReadOnlySpan<byte> app1Payload)
    {
        ReadOnlySpan<byte> signature = "Exif\0\0"u8;
        if (!app1Payload.StartsWith(signature)) return null;
        ReadOnlySpan<byte> tiff = app1Payload[signature.Length..];
        if (tiff.Length < 8) return null;

        bool littleEndian;
        if (tiff[0] == 'I' && tiff[1] == 'I') littleEndian = true;
        else if (tiff[0] == 'M' && tiff[1] == 'M') littleEndian = false;
        else return null;
        if (ReadUInt16(tiff, 2, littleEndian) != 42) return null;

        long ifdOffset = ReadUInt32(tiff, 4, littleEndian);
        if (ifdOffset < 8 || ifdOffset + 2 > tiff.Length) return null;
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

    private static int ReadUInt16(ReadOnlySpan<byte> data, int offset, bool littleEndian) =>
        littleEndian ? data[offset] | (data[offset + 1] << 8) : (data[offset] << 8) | data[offset + 1];

    private static long ReadUInt32(ReadOnlySpan<byte> data, int offset, bool littleEndian) =>
        littleEndian
            ? (uint)(data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16) | (data[offset + 3] << 24))
            : (uint)((data[offset] << 24) | (data[offset + 1] << 16) | (data[offset + 2] << 8) | data[offset + 3]);
}
