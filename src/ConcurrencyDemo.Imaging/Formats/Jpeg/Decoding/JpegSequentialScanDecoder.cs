using System.Runtime.CompilerServices;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>Decodes one block of a sequential (baseline or extended) Huffman scan (T.81 F.2.2).</summary>
internal static unsafe class JpegSequentialScanDecoder
{
    /// <summary>
    /// Decodes a block into <paramref name="block"/> (natural order, zeroed by the caller) and returns the
    /// zig-zag index of its last coefficient, 0 when only DC is present so the caller can skip the IDCT.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int DecodeBlock(ref JpegBitReader reader, JpegScanComponent component, short* block, byte* naturalOrder)
    {
        JpegHuffmanTable dcTable = component.DcTable!;
        JpegHuffmanTable acTable = component.AcTable!;
        int category = reader.DecodeSymbol(dcTable);
        int difference = reader.ReceiveExtend(category);
        component.DcPredictor += difference;
        block[0] = (short)component.DcPredictor;

        int[] fast = acTable.AcLookup;
        int last = 0;
        int k = 1;
        while (k < 64)
        {
            reader.EnsureBits(32);
            int entry = fast[reader.PeekBits(JpegHuffmanTable.LookupBits)];
            if (entry != 0)
            {
                reader.SkipBits(entry & 0xFF);
                k += (entry >> 8) & 0xFF;
                block[naturalOrder[k]] = (short)(entry >> 16);
                last = k;
                k++;
                continue;
            }
            int symbol = reader.DecodeSymbol(acTable);
            int run = symbol >> 4;
            int size = symbol & 15;
            if (size != 0)
            {
                k += run;
                block[naturalOrder[k]] = (short)reader.ReceiveExtend(size);
                last = k;
            }
            else
            {
                if (run != 15) break;   // end of block
                k += 15;                // sixteen zeros
            }
            k++;
        }
        return last;
    }
}
