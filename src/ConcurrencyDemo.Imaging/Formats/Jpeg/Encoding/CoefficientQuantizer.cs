using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Encoding;

/// <summary>
/// Quantises DCT output with libjpeg's rounding (jcdctmgr.c): the divisor is the table entry times 8
/// (the DCT's scale), and the magnitude is rounded half up before the sign is restored, so the result
/// is symmetric about zero. Also reorders to zig-zag and reports which coefficients are non-zero.
/// </summary>
internal sealed unsafe class CoefficientQuantizer
{
    private readonly int[] _divisors = new int[64];
    private readonly double[] _divisorsAsDouble = new double[64];
    private readonly int[] _halfDivisors = new int[64];

    public CoefficientQuantizer(ReadOnlySpan<byte> naturalOrderTable)
    {
        for (int i = 0; i < 64; i++)
        {
            _divisors[i] = naturalOrderTable[i] << 3;
            _divisorsAsDouble[i] = _divisors[i];
            _halfDivisors[i] = _divisors[i] >> 1;
        }
    }

    /// <summary>
    /// Quantises 64 natural-order coefficients into <paramref name="zigZag"/> and returns a mask whose
    /// bit k is set when zig-zag coefficient k is non-zero.
    /// </summary>
    [SkipLocalsInit] // the scratch block is fully written before it is read; zeroing it per block is waste
    public ulong Quantize(int* coefficients, short* zigZag)
    {
        int* quantized = stackalloc int[64];
        if (Avx2.IsSupported)
            QuantizeAvx2(coefficients, quantized);
        else
            QuantizeScalar(coefficients, quantized);

        ReadOnlySpan<byte> order = JpegTables.ZigZagToNatural;
        ulong nonZero = 0;
        for (int k = 0; k < 64; k++)
        {
            int value = quantized[order[k]];
            zigZag[k] = (short)value;
            nonZero |= (value != 0 ? 1UL : 0UL) << k;
        }
        return nonZero;
    }

    private void QuantizeScalar(int* coefficients, int* quantized)
    {
        for (int i = 0; i < 64; i++)
        {
            int value = coefficients[i];
            int magnitude = ((value < 0 ? -value : value) + _halfDivisors[i]) / _divisors[i];
            quantized[i] = value < 0 ? -magnitude : magnitude;
        }
    }

    // Integer division has no SIMD form; dividing in double is exact here because both operands are
    // integers far below 2^52 and a non-integral quotient is at least 1/2040 away from the next integer.
    private void QuantizeAvx2(int* coefficients, int* quantized)
    {
        fixed (double* divisors = _divisorsAsDouble)
        fixed (int* halves = _halfDivisors)
        {
            for (int i = 0; i < 64; i += 8)
            {
                Vector256<int> value = Avx.LoadVector256(coefficients + i);
                Vector256<int> magnitude = Avx2.Abs(value).AsInt32() + Avx.LoadVector256(halves + i);
                Vector128<int> low = Avx.ConvertToVector128Int32WithTruncation(
                    Avx.Divide(Avx.ConvertToVector256Double(magnitude.GetLower()), Avx.LoadVector256(divisors + i)));
                Vector128<int> high = Avx.ConvertToVector128Int32WithTruncation(
                    Avx.Divide(Avx.ConvertToVector256Double(magnitude.GetUpper()), Avx.LoadVector256(divisors + i + 4)));
                // Sign copies the sign of the original coefficient (and zeroes where it was zero, already 0 here).
                Avx2.Sign(Vector256.Create(low, high), value).Store(quantized + i);
            }
        }
    }
}
