using System.Buffers.Binary;

namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>
/// Finds the Orientation tag (0x0112) in a bare TIFF-structured EXIF block such as PNG's eXIf chunk.
/// Anything malformed yields 1 (upright): orientation is a hint, never a reason to reject the image.
/// </summary>
internal static class ExifOrientationReader
{
    private const ushort OrientationTag = 0x0112;
    private const ushort ShortType = 3;

    public static int Read(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8) return 1;
        bool littleEndian;
        if (tiff[0] == 'I' && tiff[1] == 'I') littleEndian = true;
        else if (tiff[0] == 'M' && tiff[1] == 'M') littleEndian = false;
        else return 1;
        if (ReadUInt16(tiff[2..], littleEndian) != 42) return 1;
        uint ifd = ReadUInt32(tiff[4..], littleEndian);
        if (ifd > (uint)tiff.Length - 2) return 1;
        int entries = ReadUInt16(tiff[(int)ifd..], littleEndian);
        for (int i = 0; i < entries; i++)
        {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > tiff.Length) return 1;
            ReadOnlySpan<byte> field = tiff.Slice((int)entry, 12);
            if (ReadUInt16(field, littleEndian) != OrientationTag) continue;
            if (ReadUInt16(field[2..], littleEndian) != ShortType) return 1;
            int value = ReadUInt16(field[8..], littleEndian);
            return value is >= 1 and <= 8 ? value : 1;
        }
        return 1;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> data, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(data) : BinaryPrimitives.ReadUInt16BigEndian(data);

    private static uint ReadUInt32(ReadOnlySpan<byte> data, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(data) : BinaryPrimitives.ReadUInt32BigEndian(data);
}
