using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// Chroma upsampling row kernels with libjpeg-turbo's "fancy" (triangle filter) rounding (jdsample.c):
/// each output sample weighs the nearer input sample 3/4 and the next one 1/4, with the alternating
/// rounding biases libjpeg uses so ties do not drift. Edges replicate the outermost sample.
/// The AVX2 paths compute the same integer formulas sixteen samples at a time.
/// </summary>
internal static unsafe class JpegUpsampler
{
    /// <summary>Whether the SIMD kernels are used; tests turn it off to compare against the scalar kernels.</summary>
    internal static bool UseSimd { get; set; } = Avx2.IsSupported;

    /// <summary>Doubles a row horizontally (4:2:2). Needs width &gt;= 2; writes 2*width samples.</summary>
    public static void H2V1Fancy(byte* input, int width, byte* output)
    {
        output[0] = input[0];
        output[1] = (byte)((input[0] * 3 + input[1] + 2) >> 2);
        int i = 1;
        if (UseSimd && Avx2.IsSupported)
        {
            Vector256<ushort> one = Vector256.Create((ushort)1);
            Vector256<ushort> two = Vector256.Create((ushort)2);
            // Samples i..i+15 are interior when i+16 <= width-1, so both neighbours are real samples.
            for (; i + 16 < width; i += 16)
            {
                Vector256<ushort> previous = Avx2.ConvertToVector256Int16(input + i - 1).AsUInt16();
                Vector256<ushort> current = Avx2.ConvertToVector256Int16(input + i).AsUInt16();
                Vector256<ushort> next = Avx2.ConvertToVector256Int16(input + i + 1).AsUInt16();
                Vector256<ushort> triple = current * 3;
                Vector256<ushort> even = Avx2.ShiftRightLogical(triple + previous + one, 2);
                Vector256<ushort> odd = Avx2.ShiftRightLogical(triple + next + two, 2);
                // Little-endian: the low byte of each 16-bit lane comes first, which interleaves even and odd.
                Avx.Store((ushort*)(output + 2 * i), even | Avx2.ShiftLeftLogical(odd, 8));
            }
        }
        for (; i < width - 1; i++)
        {
            int triple = input[i] * 3;
            output[2 * i] = (byte)((triple + input[i - 1] + 1) >> 2);
            output[2 * i + 1] = (byte)((triple + input[i + 1] + 2) >> 2);
        }
        int last = input[width - 1];
        output[2 * width - 2] = (byte)((last * 3 + input[width - 2] + 1) >> 2);
        output[2 * width - 1] = (byte)last;
    }

    /// <summary>
    /// Doubles a row both ways (4:2:0), producing one output row from the nearer input row and the
    /// next-nearer one (the row above for an upper output row, below for a lower one). Needs width &gt;= 2.
    /// <paramref name="columnSums"/> is scratch space for width + 16 values.
    /// </summary>
    public static void H2V2Fancy(byte* nearer, byte* further, int width, byte* output, short* columnSums)
    {
        int i = 0;
        bool simd = UseSimd && Avx2.IsSupported;
        if (simd)
        {
            for (; i + 16 <= width; i += 16)
            {
                Vector256<short> a = Avx2.ConvertToVector256Int16(nearer + i);
                Vector256<short> b = Avx2.ConvertToVector256Int16(further + i);
                Avx.Store(columnSums + i, a * 3 + b);
            }
        }
        for (; i < width; i++)
            columnSums[i] = (short)(nearer[i] * 3 + further[i]);

        output[0] = (byte)((columnSums[0] * 4 + 8) >> 4);
        output[1] = (byte)((columnSums[0] * 3 + columnSums[1] + 7) >> 4);
        i = 1;
        if (simd)
        {
            Vector256<short> eight = Vector256.Create((short)8);
            Vector256<short> seven = Vector256.Create((short)7);
            for (; i + 16 < width; i += 16)
            {
                Vector256<short> previous = Avx.LoadVector256(columnSums + i - 1);
                Vector256<short> current = Avx.LoadVector256(columnSums + i);
                Vector256<short> next = Avx.LoadVector256(columnSums + i + 1);
                Vector256<short> triple = current * 3;
                Vector256<short> even = Avx2.ShiftRightLogical(triple + previous + eight, 4);
                Vector256<short> odd = Avx2.ShiftRightLogical(triple + next + seven, 4);
                Avx.Store((short*)(output + 2 * i), even | Avx2.ShiftLeftLogical(odd, 8));
            }
        }
        for (; i < width - 1; i++)
        {
            int triple = columnSums[i] * 3;
            output[2 * i] = (byte)((triple + columnSums[i - 1] + 8) >> 4);
            output[2 * i + 1] = (byte)((triple + columnSums[i + 1] + 7) >> 4);
        }
        int last = columnSums[width - 1];
        output[2 * width - 2] = (byte)((last * 3 + columnSums[width - 2] + 8) >> 4);
        output[2 * width - 1] = (byte)((last * 4 + 7) >> 4);
    }

    /// <summary>Doubles vertically only (4:4:0): bias 1 for the upper output row, 2 for the lower, as libjpeg-turbo.</summary>
    public static void H1V2Fancy(byte* nearer, byte* further, int width, byte* output, bool upper)
    {
        int bias = upper ? 1 : 2;
        int i = 0;
        if (UseSimd && Avx2.IsSupported)
        {
            Vector256<short> biasVector = Vector256.Create((short)bias);
            for (; i + 16 <= width; i += 16)
            {
                Vector256<short> a = Avx2.ConvertToVector256Int16(nearer + i);
                Vector256<short> b = Avx2.ConvertToVector256Int16(further + i);
                Vector256<short> sum = Avx2.ShiftRightLogical(a * 3 + b + biasVector, 2);
                Vector256<byte> packed = Avx2.PackUnsignedSaturate(sum, sum);
                Vector256<ulong> ordered = Avx2.Permute4x64(packed.AsUInt64(), 0b11_01_10_00);
                Sse2.Store(output + i, ordered.GetLower().AsByte());
            }
        }
        for (; i < width; i++)
            output[i] = (byte)((nearer[i] * 3 + further[i] + bias) >> 2);
    }

    /// <summary>Box replication by an integer factor (libjpeg's int_upsample, and its choice for narrow rows).</summary>
    public static void Replicate(byte* input, int width, int factor, byte* output)
    {
        if (factor == 1)
        {
            Buffer.MemoryCopy(input, output, width, width);
            return;
        }
        for (int i = 0; i < width; i++)
        {
            byte value = input[i];
            byte* o = output + i * factor;
            for (int k = 0; k < factor; k++) o[k] = value;
        }
    }
}
