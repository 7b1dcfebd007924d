namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>
/// The CRC-32 (ISO 3309, reflected polynomial 0xEDB88320) PNG puts after every chunk. The BCL only
/// ships it in the System.IO.Hashing package, which the module may not depend on; slicing by 8
/// keeps it well under the cost of inflating the same bytes.
/// </summary>
internal static class PngCrc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Update(Start, data));

    public const uint Start = 0xFFFFFFFF;

    public static uint Finish(uint crc) => ~crc;

    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        uint[] t = Table;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            uint one = crc ^ (uint)(data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24);
            crc = t[7 * 256 + (one & 0xFF)] ^ t[6 * 256 + ((one >> 8) & 0xFF)]
                ^ t[5 * 256 + ((one >> 16) & 0xFF)] ^ t[4 * 256 + (one >> 24)]
                ^ t[3 * 256 + data[i + 4]] ^ t[2 * 256 + data[i + 5]]
                ^ t[1 * 256 + data[i + 6]] ^ t[data[i + 7]];
        }
        for (; i < data.Length; i++)
            crc = t[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        for (int slice = 1; slice < 8; slice++)
            for (int n = 0; n < 256; n++)
            {
                uint previous = table[(slice - 1) * 256 + n];
                table[slice * 256 + n] = (previous >> 8) ^ table[previous & 0xFF];
            }
        return table;
    }
}
