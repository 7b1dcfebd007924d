using System.Buffers.Binary;
using System.Text;

namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>Chunk type codes as big-endian integers, so the decoder compares one uint instead of four bytes.</summary>
internal static class PngChunkType
{
    public const uint Ihdr = 0x49484452;
    public const uint Plte = 0x504C5445;
    public const uint Idat = 0x49444154;
    public const uint Iend = 0x49454E44;
    public const uint Trns = 0x74524E53;
    public const uint Exif = 0x65584966;

    /// <summary>Bit 5 of the first byte clear (an upper-case letter) marks a chunk a decoder must understand.</summary>
    public static bool IsCritical(uint type) => (type & 0x20000000) == 0;

    /// <summary>Chunk types are four ASCII letters; anything else means the file is damaged.</summary>
    public static bool IsWellFormed(uint type)
    {
        for (int shift = 0; shift < 32; shift += 8)
        {
            byte b = (byte)(type >> shift);
            if (!((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z'))) return false;
        }
        return true;
    }

    public static string Name(uint type)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, type);
        foreach (byte b in bytes)
            if (b < 0x20 || b > 0x7E) return $"0x{type:X8}";
        return Encoding.ASCII.GetString(bytes);
    }
}
