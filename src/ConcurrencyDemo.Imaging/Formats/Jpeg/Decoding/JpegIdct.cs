using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static ConcurrencyDemo.Imaging.Formats.Jpeg.DctFixedPoint;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// The accurate integer inverse DCT with dequantisation, computing exactly what libjpeg-turbo's
/// "islow" method computes (jidctint.c: 13-bit constants, two extra bits kept between passes, the same
/// rounding and the same wrap-around range limit), so our pixels match djpeg's. The AVX2 kernel does
/// the same 32-bit integer operations eight lanes at a time and is therefore bit-identical to the scalar one.
/// </summary>
internal static unsafe class JpegIdct
{
    /// <summary>Whether the SIMD kernel is used; tests turn it off to compare against the scalar kernel.</summary>
    internal static bool UseSimd { get; set; } = Avx2.IsSupported;

    /// <summary>
    /// Maps a descaled IDCT output to a sample as libjpeg's post-IDCT range-limit table does: clamp
    /// to 0-255 after adding 128, but with the value first wrapped to 10 bits (only matters for corrupt data).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte RangeLimit(int value)
    {
        int wrapped = ((value + 512) & 1023) - 384;
        return (byte)Math.Clamp(wrapped, 0, 255);
    }

    /// <summary>Inverse-transforms one block (natural order) into 8 rows of 8 samples.</summary>
    public static void Transform(short* coefficients, int* quantization, byte* output, int stride)
    {
        if (UseSimd && Avx2.IsSupported) TransformAvx2(coefficients, quantization, output, stride);
        else TransformScalar(coefficients, quantization, output, stride);
    }

    /// <summary>A block whose only non-zero coefficient is DC is flat: one value, no transform needed.</summary>
    public static void TransformDcOnly(short* coefficients, int* quantization, byte* output, int stride)
    {
        int dc = DescaleColumnDc(coefficients[0] * quantization[0]);
        // The row pass of a flat row, written as the full pass computes it so overflow behaves the same.
        byte value = RangeLimit(((dc + (1 << (Pass1Bits + 2))) << ConstBits) >> (ConstBits + Pass1Bits + 3));
        ulong row = value * 0x0101010101010101UL;
        for (int y = 0; y < 8; y++)
            *(ulong*)(output + y * stride) = row;
    }

    /// <summary>The column pass of a column with only its DC term, written as the full pass computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DescaleColumnDc(int dequantized) =>
        ((dequantized << ConstBits) + (1 << (ConstBits - Pass1Bits - 1))) >> (ConstBits - Pass1Bits);

    public static void TransformScalar(short* coefficients, int* quantization, byte* output, int stride)
    {
        int* workspace = stackalloc int[64];

        for (int column = 0; column < 8; column++)
        {
            short* input = coefficients + column;
            int* quant = quantization + column;
            int* ws = workspace + column;
            if (input[8] == 0 && input[16] == 0 && input[24] == 0 && input[32] == 0 &&
                input[40] == 0 && input[48] == 0 && input[56] == 0)
            {
                // Same result as the full computation, just cheaper: an all-zero AC column is flat.
                int dc = DescaleColumnDc(input[0] * quant[0]);
                for (int k = 0; k < 8; k++) ws[k * 8] = dc;
                continue;
            }
            Butterfly(
                input[0] * quant[0], input[8] * quant[8], input[16] * quant[16], input[24] * quant[24],
                input[32] * quant[32], input[40] * quant[40], input[48] * quant[48], input[56] * quant[56],
                out int o0, out int o1, out int o2, out int o3, out int o4, out int o5, out int o6, out int o7);
            const int shift = ConstBits - Pass1Bits;
            const int round = 1 << (shift - 1);
            ws[0] = (o0 + round) >> shift;
            ws[8] = (o1 + round) >> shift;
            ws[16] = (o2 + round) >> shift;
            ws[24] = (o3 + round) >> shift;
            ws[32] = (o4 + round) >> shift;
            ws[40] = (o5 + round) >> shift;
            ws[48] = (o6 + round) >> shift;
            ws[56] = (o7 + round) >> shift;
        }

        for (int row = 0; row < 8; row++)
        {
            int* ws = workspace + row * 8;
            byte* outRow = output + row * stride;
            const int shift = ConstBits + Pass1Bits + 3;
            // Rounding for the final shift, folded into the DC term as libjpeg-turbo does.
            int dc = ws[0] + (1 << (Pass1Bits + 2));
            Butterfly(dc, ws[1], ws[2], ws[3], ws[4], ws[5], ws[6], ws[7],
                out int o0, out int o1, out int o2, out int o3, out int o4, out int o5, out int o6, out int o7);
            outRow[0] = RangeLimit(o0 >> shift);
            outRow[1] = RangeLimit(o1 >> shift);
            outRow[2] = RangeLimit(o2 >> shift);
            outRow[3] = RangeLimit(o3 >> shift);
            outRow[4] = RangeLimit(o4 >> shift);
            outRow[5] = RangeLimit(o5 >> shift);
            outRow[6] = RangeLimit(o6 >> shift);
            outRow[7] = RangeLimit(o7 >> shift);
        }
    }

    /// <summary>One 8-point pass of jidctint's LL&amp;M factorisation, before the final descale.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly(int i0, int i1, int i2, int i3, int i4, int i5, int i6, int i7,
        out int o0, out int o1, out int o2, out int o3, out int o4, out int o5, out int o6, out int o7)
    {
        // Even part.
        int z1 = (i2 + i6) * Fix0_541196100;
        int tmp2 = z1 + i6 * -Fix1_847759065;
        int tmp3 = z1 + i2 * Fix0_765366865;
        int tmp0 = (i0 + i4) << ConstBits;
        int tmp1 = (i0 - i4) << ConstBits;
        int tmp10 = tmp0 + tmp3;
        int tmp13 = tmp0 - tmp3;
        int tmp11 = tmp1 + tmp2;
        int tmp12 = tmp1 - tmp2;

        // Odd part.
        int t0 = i7, t1 = i5, t2 = i3, t3 = i1;
        int z1o = t0 + t3;
        int z2o = t1 + t2;
        int z3o = t0 + t2;
        int z4o = t1 + t3;
        int z5 = (z3o + z4o) * Fix1_175875602;
        t0 *= Fix0_298631336;
        t1 *= Fix2_053119869;
        t2 *= Fix3_072711026;
        t3 *= Fix1_501321110;
        z1o *= -Fix0_899976223;
        z2o *= -Fix2_562915447;
        z3o = z3o * -Fix1_961570560 + z5;
        z4o = z4o * -Fix0_390180644 + z5;
        t0 += z1o + z3o;
        t1 += z2o + z4o;
        t2 += z2o + z3o;
        t3 += z1o + z4o;

        o0 = tmp10 + t3;
        o7 = tmp10 - t3;
        o1 = tmp11 + t2;
        o6 = tmp11 - t2;
        o2 = tmp12 + t1;
        o5 = tmp12 - t1;
        o3 = tmp13 + t0;
        o4 = tmp13 - t0;
    }

    public static void TransformAvx2(short* coefficients, int* quantization, byte* output, int stride)
    {
        // Rows as vectors (lane = column): the column pass runs on all eight columns at once.
        Vector256<int> r0 = Avx2.ConvertToVector256Int32(coefficients + 0) * Avx.LoadVector256(quantization + 0);
        Vector256<int> r1 = Avx2.ConvertToVector256Int32(coefficients + 8) * Avx.LoadVector256(quantization + 8);
        Vector256<int> r2 = Avx2.ConvertToVector256Int32(coefficients + 16) * Avx.LoadVector256(quantization + 16);
        Vector256<int> r3 = Avx2.ConvertToVector256Int32(coefficients + 24) * Avx.LoadVector256(quantization + 24);
        Vector256<int> r4 = Avx2.ConvertToVector256Int32(coefficients + 32) * Avx.LoadVector256(quantization + 32);
        Vector256<int> r5 = Avx2.ConvertToVector256Int32(coefficients + 40) * Avx.LoadVector256(quantization + 40);
        Vector256<int> r6 = Avx2.ConvertToVector256Int32(coefficients + 48) * Avx.LoadVector256(quantization + 48);
        Vector256<int> r7 = Avx2.ConvertToVector256Int32(coefficients + 56) * Avx.LoadVector256(quantization + 56);

        ButterflyVector(r0, r1, r2, r3, r4, r5, r6, r7,
            out Vector256<int> w0, out Vector256<int> w1, out Vector256<int> w2, out Vector256<int> w3,
            out Vector256<int> w4, out Vector256<int> w5, out Vector256<int> w6, out Vector256<int> w7);
        const int shift1 = ConstBits - Pass1Bits;
        Vector256<int> round1 = Vector256.Create(1 << (shift1 - 1));
        w0 = Avx2.ShiftRightArithmetic(w0 + round1, shift1);
        w1 = Avx2.ShiftRightArithmetic(w1 + round1, shift1);
        w2 = Avx2.ShiftRightArithmetic(w2 + round1, shift1);
        w3 = Avx2.ShiftRightArithmetic(w3 + round1, shift1);
        w4 = Avx2.ShiftRightArithmetic(w4 + round1, shift1);
        w5 = Avx2.ShiftRightArithmetic(w5 + round1, shift1);
        w6 = Avx2.ShiftRightArithmetic(w6 + round1, shift1);
        w7 = Avx2.ShiftRightArithmetic(w7 + round1, shift1);

        // Columns as vectors (lane = row) for the row pass.
        DctBlockTranspose.Transpose(ref w0, ref w1, ref w2, ref w3, ref w4, ref w5, ref w6, ref w7);
        w0 += Vector256.Create(1 << (Pass1Bits + 2));
        ButterflyVector(w0, w1, w2, w3, w4, w5, w6, w7,
            out Vector256<int> o0, out Vector256<int> o1, out Vector256<int> o2, out Vector256<int> o3,
            out Vector256<int> o4, out Vector256<int> o5, out Vector256<int> o6, out Vector256<int> o7);
        const int shift2 = ConstBits + Pass1Bits + 3;
        o0 = Avx2.ShiftRightArithmetic(o0, shift2);
        o1 = Avx2.ShiftRightArithmetic(o1, shift2);
        o2 = Avx2.ShiftRightArithmetic(o2, shift2);
        o3 = Avx2.ShiftRightArithmetic(o3, shift2);
        o4 = Avx2.ShiftRightArithmetic(o4, shift2);
        o5 = Avx2.ShiftRightArithmetic(o5, shift2);
        o6 = Avx2.ShiftRightArithmetic(o6, shift2);
        o7 = Avx2.ShiftRightArithmetic(o7, shift2);
        DctBlockTranspose.Transpose(ref o0, ref o1, ref o2, ref o3, ref o4, ref o5, ref o6, ref o7);

        // Values fit in 14 bits, so packing to 16 bits is exact; then wrap and clamp like RangeLimit.
        Vector256<short> p01 = PackRows(o0, o1);
        Vector256<short> p23 = PackRows(o2, o3);
        Vector256<short> p45 = PackRows(o4, o5);
        Vector256<short> p67 = PackRows(o6, o7);
        Vector256<ulong> b0213 = Avx2.PackUnsignedSaturate(p01, p23).AsUInt64();
        Vector256<ulong> b4657 = Avx2.PackUnsignedSaturate(p45, p67).AsUInt64();
        *(ulong*)(output) = b0213.GetElement(0);
        *(ulong*)(output + stride) = b0213.GetElement(2);
        *(ulong*)(output + 2 * stride) = b0213.GetElement(1);
        *(ulong*)(output + 3 * stride) = b0213.GetElement(3);
        *(ulong*)(output + 4 * stride) = b4657.GetElement(0);
        *(ulong*)(output + 5 * stride) = b4657.GetElement(2);
        *(ulong*)(output + 6 * stride) = b4657.GetElement(1);
        *(ulong*)(output + 7 * stride) = b4657.GetElement(3);
    }

    /// <summary>Packs two rows of 32-bit values to one vector of 16-bit values [row a, row b], wrapped and offset by 128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> PackRows(Vector256<int> a, Vector256<int> b)
    {
        Vector256<short> packed = Avx2.PackSignedSaturate(a, b);
        packed = Avx2.Permute4x64(packed.AsInt64(), 0b11_01_10_00).AsInt16();
        return ((packed + Vector256.Create((short)512)) & Vector256.Create((short)1023)) - Vector256.Create((short)384);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ButterflyVector(
        Vector256<int> i0, Vector256<int> i1, Vector256<int> i2, Vector256<int> i3,
        Vector256<int> i4, Vector256<int> i5, Vector256<int> i6, Vector256<int> i7,
        out Vector256<int> o0, out Vector256<int> o1, out Vector256<int> o2, out Vector256<int> o3,
        out Vector256<int> o4, out Vector256<int> o5, out Vector256<int> o6, out Vector256<int> o7)
    {
        Vector256<int> z1 = (i2 + i6) * Vector256.Create(Fix0_541196100);
        Vector256<int> tmp2 = z1 + i6 * Vector256.Create(-Fix1_847759065);
        Vector256<int> tmp3 = z1 + i2 * Vector256.Create(Fix0_765366865);
        Vector256<int> tmp0 = Avx2.ShiftLeftLogical(i0 + i4, ConstBits);
        Vector256<int> tmp1 = Avx2.ShiftLeftLogical(i0 - i4, ConstBits);
        Vector256<int> tmp10 = tmp0 + tmp3;
        Vector256<int> tmp13 = tmp0 - tmp3;
        Vector256<int> tmp11 = tmp1 + tmp2;
        Vector256<int> tmp12 = tmp1 - tmp2;

        Vector256<int> z1o = i7 + i1;
        Vector256<int> z2o = i5 + i3;
        Vector256<int> z3o = i7 + i3;
        Vector256<int> z4o = i5 + i1;
        Vector256<int> z5 = (z3o + z4o) * Vector256.Create(Fix1_175875602);
        Vector256<int> t0 = i7 * Vector256.Create(Fix0_298631336);
        Vector256<int> t1 = i5 * Vector256.Create(Fix2_053119869);
        Vector256<int> t2 = i3 * Vector256.Create(Fix3_072711026);
        Vector256<int> t3 = i1 * Vector256.Create(Fix1_501321110);
        z1o *= Vector256.Create(-Fix0_899976223);
        z2o *= Vector256.Create(-Fix2_562915447);
        z3o = z3o * Vector256.Create(-Fix1_961570560) + z5;
        z4o = z4o * Vector256.Create(-Fix0_390180644) + z5;
        t0 += z1o + z3o;
        t1 += z2o + z4o;
        t2 += z2o + z3o;
        t3 += z1o + z4o;

        o0 = tmp10 + t3;
        o7 = tmp10 - t3;
        o1 = tmp11 + t2;
        o6 = tmp11 - t2;
        o2 = tmp12 + t1;
        o5 = tmp12 - t1;
        o3 = tmp13 + t0;
        o4 = tmp13 - t0;
    }
}
