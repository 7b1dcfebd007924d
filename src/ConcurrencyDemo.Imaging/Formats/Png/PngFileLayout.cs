using System.Buffers.Binary;
using ConcurrencyDemo.Imaging.Formats.Exif;

namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>
/// The result of walking a PNG's chunks: the header, palette, transparency and where the IDAT data
/// lies. Every chunk's CRC is checked here. Critical-chunk problems throw; misplaced or malformed
/// ancillary chunks are ignored, as libpng does with its benign errors.
/// </summary>
internal sealed class PngFileLayout
{
    private int _transparencyOffset;
    private int _transparencyLength;

    private PngFileLayout(PngHeader header) => Header = header;

    public PngHeader Header { get; }

    /// <summary>256 RGBA entries; unused entries are opaque black.</summary>
    public byte[] PaletteRgba { get; } = CreateBlackPalette();

    public int PaletteEntries { get; private set; }

    public bool HasTransparency { get; private set; }

    public List<(int Offset, int Length)> IdatSegments { get; } = [];

    public long CompressedLength { get; private set; }

    public int Orientation { get; private set; } = 1;

    public ReadOnlySpan<byte> Transparency(ReadOnlySpan<byte> file) => file.Slice(_transparencyOffset, _transparencyLength);

    public static PngFileLayout Read(ReadOnlySpan<byte> file)
    {
        PngFileLayout? layout = null;
        int position = PngSignature.Bytes.Length;
        bool seenPalette = false, inIdatRun = false, idatRunEnded = false;
        while (true)
        {
            if (file.Length - position < 12)
                throw new InvalidImageException(layout is null ? "file is truncated before IHDR" : "file is truncated: it ends before IEND");
            uint length = BinaryPrimitives.ReadUInt32BigEndian(file[position..]);
            uint type = BinaryPrimitives.ReadUInt32BigEndian(file[(position + 4)..]);
            if (!PngChunkType.IsWellFormed(type))
                throw new InvalidImageException($"invalid chunk type {PngChunkType.Name(type)} at offset {position}");
            string name = PngChunkType.Name(type);
            if (length > int.MaxValue || length > file.Length - position - 12)
                throw new InvalidImageException($"file is truncated in chunk {name}");
            int dataOffset = position + 8;
            ReadOnlySpan<byte> body = file.Slice(dataOffset, (int)length);
            uint storedCrc = BinaryPrimitives.ReadUInt32BigEndian(file[(dataOffset + (int)length)..]);
            if (PngCrc32.Compute(file.Slice(position + 4, (int)length + 4)) != storedCrc)
                throw new InvalidImageException($"CRC mismatch in chunk {name}");
            position = dataOffset + (int)length + 4;

            if (layout is null)
            {
                if (type != PngChunkType.Ihdr)
                    throw new InvalidImageException($"first chunk is {name}, expected IHDR");
                layout = new PngFileLayout(PngHeader.Parse(body));
                continue;
            }

            PngColorType colorType = layout.Header.ColorType;
            if (inIdatRun && type != PngChunkType.Idat)
            {
                inIdatRun = false;
                idatRunEnded = true;
            }
            switch (type)
            {
                case PngChunkType.Ihdr:
                    throw new InvalidImageException("duplicate IHDR chunk");
                case PngChunkType.Plte:
                    if (idatRunEnded || inIdatRun)
                        throw new InvalidImageException("PLTE chunk after IDAT");
                    if (seenPalette)
                        throw new InvalidImageException("duplicate PLTE chunk");
                    if (colorType is PngColorType.Grayscale or PngColorType.GrayscaleAlpha)
                        throw new InvalidImageException("PLTE chunk in a greyscale image");
                    if (body.Length == 0 || body.Length % 3 != 0 || body.Length > 3 * 256)
                        throw new InvalidImageException($"PLTE chunk has invalid length {body.Length}");
                    seenPalette = true;
                    // RGB images may carry a suggested palette; only palette images use it.
                    if (colorType == PngColorType.Palette)
                        layout.SetPalette(body);
                    break;
                case PngChunkType.Trns:
                    if (!inIdatRun && !idatRunEnded && !layout.HasTransparency)
                        layout.TrySetTransparency(body, dataOffset);
                    break;
                case PngChunkType.Idat:
                    if (idatRunEnded)
                        throw new InvalidImageException("IDAT chunks are not consecutive");
                    if (colorType == PngColorType.Palette && !seenPalette)
                        throw new InvalidImageException("palette image has no PLTE chunk before IDAT");
                    inIdatRun = true;
                    if (body.Length > 0)
                        layout.IdatSegments.Add((dataOffset, body.Length));
                    layout.CompressedLength += body.Length;
                    break;
                case PngChunkType.Iend:
                    if (!inIdatRun && !idatRunEnded)
                        throw new InvalidImageException("image has no IDAT chunk");
                    return layout;
                case PngChunkType.Exif:
                    layout.Orientation = ExifOrientationReader.ReadFromTiff(body) ?? 1;
                    break;
                default:
                    if (PngChunkType.IsCritical(type))
                        throw new InvalidImageException($"unknown critical chunk {name}");
                    break;
            }
        }
    }

    private void SetPalette(ReadOnlySpan<byte> body)
    {
        PaletteEntries = body.Length / 3;
        for (int i = 0; i < PaletteEntries; i++)
        {
            PaletteRgba[4 * i] = body[3 * i];
            PaletteRgba[4 * i + 1] = body[3 * i + 1];
            PaletteRgba[4 * i + 2] = body[3 * i + 2];
        }
    }

    private void TrySetTransparency(ReadOnlySpan<byte> body, int offset)
    {
        switch (Header.ColorType)
        {
            case PngColorType.Grayscale when body.Length == 2:
            case PngColorType.Rgb when body.Length == 6:
                _transparencyOffset = offset;
                _transparencyLength = body.Length;
                HasTransparency = true;
                break;
            case PngColorType.Palette when PaletteEntries > 0 && body.Length <= PaletteEntries:
                for (int i = 0; i < body.Length; i++)
                    PaletteRgba[4 * i + 3] = body[i];
                HasTransparency = true;
                break;
        }
    }

    private static byte[] CreateBlackPalette()
    {
        var palette = new byte[256 * 4];
        for (int i = 3; i < palette.Length; i += 4)
            palette[i] = 255;
        return palette;
    }
}
