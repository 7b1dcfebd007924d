using System.Buffers.Binary;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Encoding;

/// <summary>Writes the marker segments of a baseline JFIF file.</summary>
internal static class JpegMarkerWriter
{
    public readonly record struct Component(byte Id, byte HorizontalSampling, byte VerticalSampling, byte QuantizationTable, byte HuffmanTable);

    public static void WriteStartOfImage(Stream output) => output.Write([0xFF, 0xD8]);

    public static void WriteEndOfImage(Stream output) => output.Write([0xFF, 0xD9]);

    /// <summary>JFIF 1.01, no density unit (aspect ratio 1:1), no thumbnail: what cjpeg writes by default.</summary>
    public static void WriteJfifHeader(Stream output) =>
        output.Write([0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);

    /// <summary>One DQT segment per table, as cjpeg writes them.</summary>
    public static void WriteQuantizationTable(Stream output, int id, byte[] naturalOrderTable)
    {
        var segment = new byte[4 + 65];
        WriteSegmentHeader(segment, 0xDB);
        segment[4] = (byte)id; // 8-bit precision
        ReadOnlySpan<byte> zigZag = JpegTables.ZigZagToNatural;
        for (int k = 0; k < 64; k++)
            segment[5 + k] = naturalOrderTable[zigZag[k]];
        output.Write(segment);
    }

    public static void WriteFrameHeader(Stream output, int width, int height, ReadOnlySpan<Component> components)
    {
        var segment = new byte[2 + 8 + 3 * components.Length];
        WriteSegmentHeader(segment, 0xC0);
        segment[4] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(7), (ushort)width);
        segment[9] = (byte)components.Length;
        for (int i = 0; i < components.Length; i++)
        {
            segment[10 + 3 * i] = components[i].Id;
            segment[11 + 3 * i] = (byte)(components[i].HorizontalSampling << 4 | components[i].VerticalSampling);
            segment[12 + 3 * i] = components[i].QuantizationTable;
        }
        output.Write(segment);
    }

    public static void WriteHuffmanTable(Stream output, bool isAc, int id, HuffmanEncodingTable table)
    {
        var segment = new byte[4 + 1 + 16 + table.Symbols.Length];
        WriteSegmentHeader(segment, 0xC4);
        segment[4] = (byte)((isAc ? 0x10 : 0x00) | id);
        table.Counts.CopyTo(segment, 5);
        table.Symbols.CopyTo(segment, 21);
        output.Write(segment);
    }

    public static void WriteScanHeader(Stream output, ReadOnlySpan<Component> components)
    {
        var segment = new byte[2 + 6 + 2 * components.Length];
        WriteSegmentHeader(segment, 0xDA);
        segment[4] = (byte)components.Length;
        for (int i = 0; i < components.Length; i++)
        {
            segment[5 + 2 * i] = components[i].Id;
            segment[6 + 2 * i] = (byte)(components[i].HuffmanTable << 4 | components[i].HuffmanTable);
        }
        int tail = 5 + 2 * components.Length;
        segment[tail] = 0;       // spectral selection start
        segment[tail + 1] = 63;  // spectral selection end
        segment[tail + 2] = 0;   // successive approximation
        output.Write(segment);
    }

    /// <summary>Marker, then the big-endian length, which counts itself but not the marker.</summary>
    private static void WriteSegmentHeader(byte[] segment, byte marker)
    {
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(segment.Length - 2));
    }
}
