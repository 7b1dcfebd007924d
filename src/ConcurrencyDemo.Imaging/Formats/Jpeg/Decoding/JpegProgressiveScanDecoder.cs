namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// Decodes one block of a progressive Huffman scan (T.81 G.1.2) into the stored coefficients:
/// DC first/refinement and AC first/refinement with end-of-band runs, following libjpeg's jdphuff.c.
/// </summary>
internal static unsafe class JpegProgressiveScanDecoder
{
    public static void DecodeDcFirst(ref JpegBitReader reader, JpegScanComponent component, short* block, int successiveLow)
    {
        int category = reader.DecodeSymbol(component.DcTable!);
        int difference = reader.ReceiveExtend(category);
        component.DcPredictor += difference;
        block[0] = (short)(component.DcPredictor << successiveLow);
    }

    public static void DecodeDcRefine(ref JpegBitReader reader, short* block, int successiveLow)
    {
        if (reader.ReadBit() != 0)
            block[0] |= (short)(1 << successiveLow);
    }

    /// <summary>First AC scan of a band: coefficients Ss..Se at bit position Al, or part of an end-of-band run.</summary>
    public static void DecodeAcFirst(ref JpegBitReader reader, JpegHuffmanTable table, short* block,
        int spectralStart, int spectralEnd, int successiveLow, ref int endOfBandRun, byte* naturalOrder)
    {
        if (endOfBandRun > 0)
        {
            endOfBandRun--;
            return;
        }
        for (int k = spectralStart; k <= spectralEnd; k++)
        {
            int symbol = reader.DecodeSymbol(table);
            int run = symbol >> 4;
            int size = symbol & 15;
            if (size != 0)
            {
                k += run;
                int value = reader.ReceiveExtend(size);
                block[naturalOrder[k]] = (short)(value * (1 << successiveLow));
            }
            else if (run == 15)
            {
                k += 15;
            }
            else
            {
                endOfBandRun = 1 << run;
                if (run != 0) endOfBandRun += reader.ReadBits(run);
                endOfBandRun--;
                break;
            }
        }
    }

    /// <summary>
    /// AC refinement: one correction bit for every coefficient already non-zero, and new coefficients of
    /// magnitude 1 placed by counting zero-history positions (T.81 G.1.2.3).
    /// </summary>
    public static void DecodeAcRefine(ref JpegBitReader reader, JpegHuffmanTable table, short* block,
        int spectralStart, int spectralEnd, int successiveLow, ref int endOfBandRun, byte* naturalOrder)
    {
        int plusOne = 1 << successiveLow;
        int minusOne = -1 << successiveLow;
        int k = spectralStart;

        if (endOfBandRun == 0)
        {
            for (; k <= spectralEnd; k++)
            {
                int symbol = reader.DecodeSymbol(table);
                int run = symbol >> 4;
                int size = symbol & 15;
                int newValue = 0;
                if (size != 0)
                {
                    // Size must be 1 in a refinement scan; libjpeg only warns otherwise, and so do we (silently).
                    newValue = reader.ReadBit() != 0 ? plusOne : minusOne;
                }
                else if (run != 15)
                {
                    endOfBandRun = 1 << run;
                    if (run != 0) endOfBandRun += reader.ReadBits(run);
                    break;
                }
                // Advance over already-nonzero coefficients (refining each) and `run` zero-history ones.
                do
                {
                    short* coefficient = block + naturalOrder[k];
                    if (*coefficient != 0)
                    {
                        RefineCoefficient(ref reader, coefficient, plusOne, minusOne);
                    }
                    else
                    {
                        if (run == 0) break;
                        run--;
                    }
                    k++;
                }
                while (k <= spectralEnd);
                if (newValue != 0)
                    block[naturalOrder[k]] = (short)newValue;
            }
        }

        if (endOfBandRun > 0)
        {
            // Inside an end-of-band run: only correction bits for the non-zero coefficients left in the band.
            for (; k <= spectralEnd; k++)
            {
                short* coefficient = block + naturalOrder[k];
                if (*coefficient != 0)
                    RefineCoefficient(ref reader, coefficient, plusOne, minusOne);
            }
            endOfBandRun--;
        }
    }

    private static void RefineCoefficient(ref JpegBitReader reader, short* coefficient, int plusOne, int minusOne)
    {
        if (reader.ReadBit() != 0 && (*coefficient & plusOne) == 0)
            *coefficient += (short)(*coefficient >= 0 ? plusOne : minusOne);
    }
}
