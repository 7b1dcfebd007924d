using System.Numerics;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Encoding;

/// <summary>Entropy-codes one quantised block (T.81 F.1.2): the DC difference, then run/size pairs for the AC coefficients.</summary>
internal static unsafe class HuffmanBlockEncoder
{
    private const int EndOfBlock = 0x00;
    private const int ZeroRunOf16 = 0xF0;

    /// <param name="zigZag">Quantised coefficients in zig-zag order.</param>
    /// <param name="nonZero">Bit k set when zigZag[k] is non-zero.</param>
    /// <param name="previousDc">The component's DC predictor; updated.</param>
    public static void Encode(short* zigZag, ulong nonZero, ref int previousDc,
        HuffmanEncodingTable dc, HuffmanEncodingTable ac, JpegBitWriter writer)
    {
        int difference = zigZag[0] - previousDc;
        previousDc = zigZag[0];
        int size = MagnitudeSize(difference);
        writer.Write((dc.Code(size) << size) | AmplitudeBits(difference, size), dc.Length(size) + size);

        ulong remaining = nonZero & ~1UL;
        int last = 0;
        while (remaining != 0)
        {
            int k = BitOperations.TrailingZeroCount(remaining);
            remaining &= remaining - 1;
            int run = k - last - 1;
            while (run > 15)
            {
                writer.Write(ac.Code(ZeroRunOf16), ac.Length(ZeroRunOf16));
                run -= 16;
            }
            int value = zigZag[k];
            size = MagnitudeSize(value);
            int symbol = (run << 4) | size;
            writer.Write((ac.Code(symbol) << size) | AmplitudeBits(value, size), ac.Length(symbol) + size);
            last = k;
        }
        if (last != 63)
            writer.Write(ac.Code(EndOfBlock), ac.Length(EndOfBlock));
    }

    /// <summary>The number of bits needed for |value| (the "SSSS" category).</summary>
    private static int MagnitudeSize(int value) =>
        32 - BitOperations.LeadingZeroCount((uint)(value < 0 ? -value : value));

    /// <summary>Negative values are sent as value-1 in <paramref name="size"/> bits (one's complement of the magnitude).</summary>
    private static uint AmplitudeBits(int value, int size) =>
        (uint)(value < 0 ? value - 1 : value) & (uint)((1L << size) - 1);
}
