using System.Buffers.Binary;

namespace ConcurrencyDemo.Imaging.Formats.Png;

internal static class PngChunkWriter
{
    /// <summary>Writes length, type, data and the CRC over type and data.</summary>
    public static void Write(Stream output, uint type, ReadOnlySpan<byte> data)
    {
        Span<byte> prefix = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(prefix, (uint)data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(prefix[4..], type);
        uint crc = PngCrc32.Update(PngCrc32.Start, prefix[4..]);
        crc = PngCrc32.Finish(PngCrc32.Update(crc, data));
        Span<byte> suffix = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(suffix, crc);
        output.Write(prefix);
        output.Write(data);
        output.Write(suffix);
    }
}
