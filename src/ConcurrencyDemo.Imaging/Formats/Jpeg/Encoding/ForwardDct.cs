using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static ConcurrencyDemo.Imaging.Formats.Jpeg.DctFixedPoint;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Encoding;

/// <summary>
/// The accurate integer forward DCT of libjpeg's jfdctint.c (Loeffler-Ligtenberg-Moschytz with 13-bit
/// fixed-point constants): rows first, keeping PASS1_BITS of extra precision, then columns. Outputs are
/// the true DCT coefficients scaled by 8, as libjpeg's quantiser expects. The AVX2 path does the same
/// integer arithmetic on eight rows or columns at once and gives bit-identical results.
/// </summary>
internal static unsafe class ForwardDct
{
    public static bool IsVectorized => Avx2.IsSupported;

    /// <summary>Transforms the 8x8 samples at <paramref name="samples"/> (row pitch <paramref name="stride"/>) into 64 coefficients, natural order.</summary>
    public static void Transform(byte* samples, int stride, int* coefficients)
    {
        if (Avx2.IsSupported)
            TransformAvx2(samples, stride, coefficients);
        else
            TransformScalar(samples, stride, coefficients);
    }

    public static void TransformScalar(byte* samples, int stride, int* coefficients)
    {
        int* d = coefficients;
        for (int y = 0; y < 8; y++)
            for (int x = 0; x < 8; x++)
                d[y * 8 + x] = samples[y * stride + x] - 128;

        for (int row = 0; row < 8; row++)
        {
            int* p = d + row * 8;
            int tmp0 = p[0] + p[7], tmp7 = p[0] - p[7];
            int tmp1 = p[1] + p[6], tmp6 = p[1] - p[6];
            int tmp2 = p[2] + p[5], tmp5 = p[2] - p[5];
            int tmp3 = p[3] + p[4], tmp4 = p[3] - p[4];
            int tmp10 = tmp0 + tmp3, tmp13 = tmp0 - tmp3, tmp11 = tmp1 + tmp2, tmp12 = tmp1 - tmp2;
            p[0] = (tmp10 + tmp11) << Pass1Bits;
            p[4] = (tmp10 - tmp11) << Pass1Bits;
            int z1 = (tmp12 + tmp13) * Fix0_541196100;
            p[2] = Descale(z1 + tmp13 * Fix0_765366865, ConstBits - Pass1Bits);
            p[6] = Descale(z1 - tmp12 * Fix1_847759065, ConstBits - Pass1Bits);
            OddPart(tmp4, tmp5, tmp6, tmp7, ConstBits - Pass1Bits, out p[1], out p[3], out p[5], out p[7]);
        }

        for (int column = 0; column < 8; column++)
        {
            int* p = d + column;
            int tmp0 = p[0] + p[56], tmp7 = p[0] - p[56];
            int tmp1 = p[8] + p[48], tmp6 = p[8] - p[48];
            int tmp2 = p[16] + p[40], tmp5 = p[16] - p[40];
            int tmp3 = p[24] + p[32], tmp4 = p[24] - p[32];
            int tmp10 = tmp0 + tmp3, tmp13 = tmp0 - tmp3, tmp11 = tmp1 + tmp2, tmp12 = tmp1 - tmp2;
            p[0] = Descale(tmp10 + tmp11, Pass1Bits);
            p[32] = Descale(tmp10 - tmp11, Pass1Bits);
            int z1 = (tmp12 + tmp13) * Fix0_541196100;
            p[16] = Descale(z1 + tmp13 * Fix0_765366865, ConstBits + Pass1Bits);
            p[48] = Descale(z1 - tmp12 * Fix1_847759065, ConstBits + Pass1Bits);
            OddPart(tmp4, tmp5, tmp6, tmp7, ConstBits + Pass1Bits, out p[8], out p[24], out p[40], out p[56]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OddPart(int tmp4, int tmp5, int tmp6, int tmp7, int shift, out int out1, out int out3, out int out5, out int out7)
    {
        int z1 = tmp4 + tmp7, z2 = tmp5 + tmp6, z3 = tmp4 + tmp6, z4 = tmp5 + tmp7;
        int z5 = (z3 + z4) * Fix1_175875602;
        tmp4 *= Fix0_298631336;
        tmp5 *= Fix2_053119869;
        tmp6 *= Fix3_072711026;
        tmp7 *= Fix1_501321110;
        z1 *= -Fix0_899976223;
        z2 *= -Fix2_562915447;
        z3 = z3 * -Fix1_961570560 + z5;
        z4 = z4 * -Fix0_390180644 + z5;
        out7 = Descale(tmp4 + z1 + z3, shift);
        out5 = Descale(tmp5 + z2 + z4, shift);
        out3 = Descale(tmp6 + z2 + z3, shift);
        out1 = Descale(tmp7 + z1 + z4, shift);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Descale(int value, int shift) => (value + (1 << (shift - 1))) >> shift;

    private static void TransformAvx2(byte* samples, int stride, int* coefficients)
    {
        var centre = Vector256.Create(128);
        Vector256<int> r0 = Avx2.ConvertToVector256Int32(samples) - centre;
        Vector256<int> r1 = Avx2.ConvertToVector256Int32(samples + stride) - centre;
        Vector256<int> r2 = Avx2.ConvertToVector256Int32(samples + 2 * stride) - centre;
        Vector256<int> r3 = Avx2.ConvertToVector256Int32(samples + 3 * stride) - centre;
        Vector256<int> r4 = Avx2.ConvertToVector256Int32(samples + 4 * stride) - centre;
        Vector256<int> r5 = Avx2.ConvertToVector256Int32(samples + 5 * stride) - centre;
        Vector256<int> r6 = Avx2.ConvertToVector256Int32(samples + 6 * stride) - centre;
        Vector256<int> r7 = Avx2.ConvertToVector256Int32(samples + 7 * stride) - centre;

        // Lane j of vector k then holds sample (row j, column k): one vertical butterfly per column index
        // transforms all eight rows at once, exactly libjpeg's first (row) pass.
        DctBlockTranspose.Transpose(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);
        Butterfly(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7, firstPass: true);
        DctBlockTranspose.Transpose(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);
        Butterfly(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7, firstPass: false);

        r0.Store(coefficients);
        r1.Store(coefficients + 8);
        r2.Store(coefficients + 16);
        r3.Store(coefficients + 24);
        r4.Store(coefficients + 32);
        r5.Store(coefficients + 40);
        r6.Store(coefficients + 48);
        r7.Store(coefficients + 56);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly(
        ref Vector256<int> d0, ref Vector256<int> d1, ref Vector256<int> d2, ref Vector256<int> d3,
        ref Vector256<int> d4, ref Vector256<int> d5, ref Vector256<int> d6, ref Vector256<int> d7, bool firstPass)
    {
        Vector256<int> tmp0 = d0 + d7, tmp7 = d0 - d7;
        Vector256<int> tmp1 = d1 + d6, tmp6 = d1 - d6;
        Vector256<int> tmp2 = d2 + d5, tmp5 = d2 - d5;
        Vector256<int> tmp3 = d3 + d4, tmp4 = d3 - d4;
        Vector256<int> tmp10 = tmp0 + tmp3, tmp13 = tmp0 - tmp3, tmp11 = tmp1 + tmp2, tmp12 = tmp1 - tmp2;

        int shift = firstPass ? ConstBits - Pass1Bits : ConstBits + Pass1Bits;
        var rounding = Vector256.Create(1 << (shift - 1));
        if (firstPass)
        {
            d0 = Vector256.ShiftLeft(tmp10 + tmp11, Pass1Bits);
            d4 = Vector256.ShiftLeft(tmp10 - tmp11, Pass1Bits);
        }
        else
        {
            var half = Vector256.Create(1 << (Pass1Bits - 1));
            d0 = Vector256.ShiftRightArithmetic(tmp10 + tmp11 + half, Pass1Bits);
            d4 = Vector256.ShiftRightArithmetic(tmp10 - tmp11 + half, Pass1Bits);
        }
        Vector256<int> z1 = (tmp12 + tmp13) * Fix0_541196100 + rounding;
        d2 = Vector256.ShiftRightArithmetic(z1 + tmp13 * Fix0_765366865, shift);
        d6 = Vector256.ShiftRightArithmetic(z1 - tmp12 * Fix1_847759065, shift);

        Vector256<int> o1 = tmp4 + tmp7, o2 = tmp5 + tmp6, o3 = tmp4 + tmp6, o4 = tmp5 + tmp7;
        Vector256<int> z5 = (o3 + o4) * Fix1_175875602 + rounding;
        tmp4 *= Fix0_298631336;
        tmp5 *= Fix2_053119869;
        tmp6 *= Fix3_072711026;
        tmp7 *= Fix1_501321110;
        o1 *= -Fix0_899976223;
        o2 *= -Fix2_562915447;
        o3 = o3 * -Fix1_961570560 + z5;
        o4 = o4 * -Fix0_390180644 + z5;
        d7 = Vector256.ShiftRightArithmetic(tmp4 + o1 + o3, shift);
        d5 = Vector256.ShiftRightArithmetic(tmp5 + o2 + o4, shift);
        d3 = Vector256.ShiftRightArithmetic(tmp6 + o2 + o3, shift);
        d1 = Vector256.ShiftRightArithmetic(tmp7 + o1 + o4, shift);
    }
}
