namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Encoding;

/// <summary>The code and code length of every symbol of one Huffman table, derived as in T.81 Annex C.</summary>
internal sealed class HuffmanEncodingTable
{
    private readonly uint[] _codes = new uint[256];
    private readonly byte[] _lengths = new byte[256];

    public HuffmanEncodingTable(byte[] counts, byte[] symbols)
    {
        Counts = counts;
        Symbols = symbols;
        uint code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++)
        {
            for (int i = 0; i < counts[length - 1]; i++, k++)
            {
                _codes[symbols[k]] = code++;
                _lengths[symbols[k]] = (byte)length;
            }
            code <<= 1;
        }
    }

    /// <summary>The DHT counts per code length 1..16, as written to the file.</summary>
    public byte[] Counts { get; }

    /// <summary>The DHT symbols in code order, as written to the file.</summary>
    public byte[] Symbols { get; }

    public uint Code(int symbol) => _codes[symbol];

    /// <summary>0 for a symbol the table cannot encode.</summary>
    public int Length(int symbol) => _lengths[symbol];

    public static HuffmanEncodingTable LuminanceDc { get; } = new(JpegTables.DcLuminanceCounts.ToArray(), JpegTables.DcLuminanceSymbols.ToArray());
    public static HuffmanEncodingTable LuminanceAc { get; } = new(JpegTables.AcLuminanceCounts.ToArray(), JpegTables.AcLuminanceSymbols.ToArray());
    public static HuffmanEncodingTable ChrominanceDc { get; } = new(JpegTables.DcChrominanceCounts.ToArray(), JpegTables.DcChrominanceSymbols.ToArray());
    public static HuffmanEncodingTable ChrominanceAc { get; } = new(JpegTables.AcChrominanceCounts.ToArray(), JpegTables.AcChrominanceSymbols.ToArray());
}
