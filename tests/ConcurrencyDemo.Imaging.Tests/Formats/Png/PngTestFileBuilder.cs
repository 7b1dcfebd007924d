using System.Buffers.Binary;
using System.IO.Compression;
using ConcurrencyDemo.Imaging.Formats.Png;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Png;

/// <summary>
/// Writes small PNGs of any colour type, bit depth and interlacing (which our encoder never produces)
/// from seeded random scanlines: every byte string is valid filtered data, so only the geometry matters.
/// </summary>
internal static class PngTestFileBuilder
{
    public static byte[] Build(int width, int height, int bitDepth, int colorType, bool interlaced, int seed,
        byte[]? palette = null, byte[]? transparency = null)
    {
        var random = new Random(seed);
        var header = new PngHeader(width, height, bitDepth, (PngColorType)colorType, interlaced);
        using var raw = new MemoryStream();
        void WriteRows(int rowPixels, int rows)
        {
            if (rowPixels == 0 || rows == 0) return;
            var row = new byte[header.RowBytes(rowPixels) + 1];
            for (int y = 0; y < rows; y++)
            {
                random.NextBytes(row);
                row[0] = (byte)random.Next(5);
                raw.Write(row);
            }
        }
        if (interlaced)
            for (int pass = 0; pass < Adam7.PassCount; pass++)
                WriteRows(Adam7.PassWidth(pass, width), Adam7.PassHeight(pass, height));
        else
            WriteRows(width, height);

        using var file = new MemoryStream();
        file.Write(PngSignature.Bytes);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = (byte)bitDepth;
        ihdr[9] = (byte)colorType;
        ihdr[12] = interlaced ? (byte)1 : (byte)0;
        PngChunkWriter.Write(file, PngChunkType.Ihdr, ihdr);
        if (palette is not null) PngChunkWriter.Write(file, PngChunkType.Plte, palette);
        if (transparency is not null) PngChunkWriter.Write(file, PngChunkType.Trns, transparency);
        using var compressed = new MemoryStream();
        using (var deflater = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            deflater.Write(raw.ToArray());
        byte[] data = compressed.ToArray();
        // Split the data over several IDAT chunks so multi-chunk handling is exercised too.
        int chunk = Math.Max(1, data.Length / 3);
        for (int offset = 0; offset < data.Length; offset += chunk)
            PngChunkWriter.Write(file, PngChunkType.Idat, data.AsSpan(offset, Math.Min(chunk, data.Length - offset)));
        PngChunkWriter.Write(file, PngChunkType.Iend, []);
        return file.ToArray();
    }

    /// <summary>Rewrites the CRC of every chunk whose extent still fits the file, so mutations get past the CRC check.</summary>
    public static void RecomputeCrcs(byte[] png)
    {
        int position = PngSignature.Bytes.Length;
        while (position + 12 <= png.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position));
            if (length > (uint)(png.Length - position - 12)) return;
            int end = position + 8 + (int)length;
            BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(end), PngCrc32.Compute(png.AsSpan(position + 4, (int)length + 4)));
            position = end + 4;
        }
    }
}
