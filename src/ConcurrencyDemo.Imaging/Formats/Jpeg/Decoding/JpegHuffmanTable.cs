namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// A decoding Huffman table (T.81 Annex C and F.2.2.3): a 9-bit lookahead table resolves nearly all
/// codes in one step; longer codes fall back to the per-length maximum code comparison.
/// </summary>
internal sealed class JpegHuffmanTable
{
    public const int LookupBits = 9;

    /// <summary>Indexed by the next 9 bits: (code length &lt;&lt; 8) | symbol, or 0 when the code is longer.</summary>
    public readonly ushort[] Lookup = new ushort[1 << LookupBits];

    /// <summary>Largest code of each length 1-16, or -1 when there is none.</summary>
    public readonly int[] MaxCode = new int[17];

    /// <summary>Added to a code of each length to get its index in <see cref="Symbols"/>.</summary>
    public readonly int[] ValueOffset = new int[17];

    public readonly byte[] Symbols = new byte[256];

    /// <summary>
    /// For AC tables: indexed by the next 9 bits, a run/size code together with its magnitude bits when
    /// both fit: (value &lt;&lt; 16) | (run &lt;&lt; 8) | total bits; 0 when the slow path is needed. Most
    /// coefficients of photos decode with this single lookup.
    /// </summary>
    public readonly int[] AcLookup = new int[1 << LookupBits];

    /// <summary>Largest symbol, so DC tables with symbols above 16 can be rejected when used.</summary>
    public int MaxSymbol { get; private set; }

    private void BuildAcLookup()
    {
        for (int bits = 0; bits < (1 << LookupBits); bits++)
        {
            int entry = Lookup[bits];
            if (entry == 0) continue;
            int codeLength = entry >> 8;
            int run = (entry >> 4) & 15;
            int size = entry & 15;
            if (size == 0 || codeLength + size > LookupBits) continue;
            int magnitude = (bits >> (LookupBits - codeLength - size)) & ((1 << size) - 1);
            int value = magnitude < (1 << (size - 1)) ? magnitude - (1 << size) + 1 : magnitude;
            AcLookup[bits] = (value << 16) | (run << 8) | (codeLength + size);
        }
    }

    public static JpegHuffmanTable Build(ReadOnlySpan<byte> countsPerLength, ReadOnlySpan<byte> symbols)
    {
        var table = new JpegHuffmanTable();
        symbols.CopyTo(table.Symbols);
        int code = 0;
        int index = 0;
        for (int length = 1; length <= 16; length++)
        {
            int count = countsPerLength[length - 1];
            table.ValueOffset[length] = index - code;
            if (count == 0)
            {
                table.MaxCode[length] = -1;
            }
            else
            {
                // Like libjpeg, reject counts that overflow the length or use the all-ones code.
                if (code + count >= (1 << length))
                    throw new InvalidImageException("bad Huffman table: code lengths overflow");
                for (int i = 0; i < count; i++, code++, index++)
                {
                    if (length <= LookupBits)
                    {
                        int first = code << (LookupBits - length);
                        int span = 1 << (LookupBits - length);
                        ushort entry = (ushort)((length << 8) | symbols[index]);
                        table.Lookup.AsSpan(first, span).Fill(entry);
                    }
                }
                table.MaxCode[length] = code - 1;
            }
            code <<= 1;
        }
        table.BuildAcLookup();
        int max = 0;
        foreach (byte s in symbols) max = Math.Max(max, s);
        table.MaxSymbol = max;
        return table;
    }
}
