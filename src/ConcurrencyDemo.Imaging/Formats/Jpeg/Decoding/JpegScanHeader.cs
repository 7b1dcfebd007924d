namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>A parsed SOS header: the components in the scan, with their tables, and, for progressive scans, the band and bit position.</summary>
internal sealed class JpegScanHeader
{
    public required JpegScanComponent[] Components { get; init; }
    public int SpectralStart { get; init; }
    public int SpectralEnd { get; init; }
    public int SuccessiveHigh { get; init; }
    public int SuccessiveLow { get; init; }

    public static JpegScanHeader Parse(ReadOnlySpan<byte> segment, JpegFrame frame,
        JpegHuffmanTable?[] dcTables, JpegHuffmanTable?[] acTables)
    {
        if (segment.Length < 1)
            throw new InvalidImageException("truncated SOS segment");
        int count = segment[0];
        if (count is < 1 or > JpegFrame.MaxComponents)
            throw new InvalidImageException($"bogus component count {count} in SOS");
        if (segment.Length < 1 + 2 * count + 3)
            throw new InvalidImageException("truncated SOS segment");
        var components = new JpegScanComponent[count];
        int blocksPerMcu = 0;
        for (int i = 0; i < count; i++)
        {
            int id = segment[1 + 2 * i];
            JpegComponent component = frame.FindComponent(id)
                ?? throw new InvalidImageException($"SOS names component {id}, which the frame does not have");
            for (int j = 0; j < i; j++)
                if (components[j].Component == component)
                    throw new InvalidImageException($"SOS names component {id} twice");
            int td = segment[2 + 2 * i] >> 4;
            int ta = segment[2 + 2 * i] & 15;
            if (td > 3 || ta > 3)
                throw new InvalidImageException($"bad Huffman table id in SOS (DC {td}, AC {ta})");
            components[i] = new JpegScanComponent(
                component,
                td, dcTables[td] ?? JpegStandardHuffmanTables.Default(isDc: true, td),
                ta, acTables[ta] ?? JpegStandardHuffmanTables.Default(isDc: false, ta));
            blocksPerMcu += component.HorizontalFactor * component.VerticalFactor;
        }
        if (count > 1 && blocksPerMcu > 10)
            throw new InvalidImageException($"an MCU of {blocksPerMcu} blocks is more than the 10 allowed");
        int p = 1 + 2 * count;
        var header = new JpegScanHeader
        {
            Components = components,
            SpectralStart = segment[p],
            SpectralEnd = segment[p + 1],
            SuccessiveHigh = segment[p + 2] >> 4,
            SuccessiveLow = segment[p + 2] & 15,
        };
        if (frame.IsProgressive) header.ValidateProgressive();
        return header;
    }

    private void ValidateProgressive()
    {
        bool dc = SpectralStart == 0;
        bool valid = dc
            ? SpectralEnd == 0
            : SpectralStart <= SpectralEnd && SpectralEnd <= 63 && Components.Length == 1;
        if (SuccessiveHigh > 13 || SuccessiveLow > 13) valid = false;
        if (SuccessiveHigh != 0 && SuccessiveLow != SuccessiveHigh - 1) valid = false;
        if (!valid)
            throw new InvalidImageException(
                $"invalid progressive parameters Ss={SpectralStart} Se={SpectralEnd} Ah={SuccessiveHigh} Al={SuccessiveLow}");
    }
}
