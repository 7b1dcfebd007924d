using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// Pillow's horizontal bicubic pass for a block of rows in the lane layout of <see cref="RowBlockTransposition"/>:
/// output position xx of every lane is the weighted sum of input positions First[xx] .. First[xx] + Count[xx] - 1.
/// Pillow's scalar loop does one pixel of one row at a time; here the rows of the block run side by side in
/// SIMD lanes, with the same 32-bit integer arithmetic (rounding term, products, arithmetic shift, clip to
/// 0-255), so every path gives Pillow's bytes. laneCount must be a multiple of <see cref="LaneKernels.LaneGroup"/>.
/// </summary>
internal static unsafe class BicubicLaneKernel
{
    private const int LaneGroup = LaneKernels.LaneGroup;

    private const int Rounding = BicubicCoefficients.Rounding;

    public static void Resample(
        byte* source, int sourcePositionBytes, byte* destination, int destinationPositionBytes,
        int laneCount, BicubicCoefficients columns, LaneKernelPath path)
    {
        fixed (int* weights = columns.Weights)
        fixed (int* first = columns.First)
        fixed (int* count = columns.Count)
        {
            var taps = new Taps(weights, first, count, columns.Taps, columns.First.Length);
            switch (path)
            {
                case LaneKernelPath.Avx512 when Avx512F.IsSupported:
                    ResampleAvx512(source, sourcePositionBytes, destination, destinationPositionBytes, laneCount, taps);
                    break;
                case LaneKernelPath.Avx2 when Avx2.IsSupported:
                    ResampleAvx2(source, sourcePositionBytes, destination, destinationPositionBytes, laneCount, taps);
                    break;
                default:
                    ResampleScalar(source, sourcePositionBytes, destination, destinationPositionBytes, laneCount, taps);
                    break;
            }
        }
    }

    /// <summary>The coefficient arrays, pinned for the duration of one call.</summary>
    private readonly struct Taps(int* weights, int* first, int* count, int stride, int length)
    {
        public readonly int* Weights = weights;
        public readonly int* First = first;
        public readonly int* Count = count;
        public readonly int Stride = stride;
        public readonly int Length = length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ResampleScalar(byte* source, int sourceStep, byte* destination, int destinationStep, int laneCount, in Taps taps)
    {
        for (int xx = 0; xx < taps.Length; xx++)
        {
            int* w = taps.Weights + xx * taps.Stride;
            int n = taps.Count[xx];
            byte* start = source + (nint)taps.First[xx] * sourceStep;
            byte* d = destination + (nint)xx * destinationStep;
            for (int lane = 0; lane < laneCount; lane++)
            {
                int sum = Rounding;
                byte* s = start + lane;
                for (int k = 0; k < n; k++, s += sourceStep)
                    sum += *s * w[k];
                d[lane] = (byte)Math.Clamp(sum >> BicubicCoefficients.PrecisionBits, 0, 255);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ResampleAvx512(byte* source, int sourceStep, byte* destination, int destinationStep, int laneCount, in Taps taps)
    {
        Vector512<int> rounding = Vector512.Create(Rounding);
        for (int xx = 0; xx < taps.Length; xx++)
        {
            int* w = taps.Weights + xx * taps.Stride;
            int n = taps.Count[xx];
            byte* start = source + (nint)taps.First[xx] * sourceStep;
            byte* d = destination + (nint)xx * destinationStep;
            for (int lane = 0; lane < laneCount; lane += LaneGroup)
            {
                Vector512<int> sum = rounding;
                byte* s = start + lane;
                for (int k = 0; k < n; k++, s += sourceStep)
                    sum += Avx512F.ConvertToVector512Int32(Vector128.Load(s)) * Vector512.Create(w[k]);
                Vector512<int> value = Vector512.Max(Vector512.ShiftRightArithmetic(sum, BicubicCoefficients.PrecisionBits), Vector512<int>.Zero);
                Avx512F.ConvertToVector128ByteWithSaturation(value.AsUInt32()).Store(d + lane);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ResampleAvx2(byte* source, int sourceStep, byte* destination, int destinationStep, int laneCount, in Taps taps)
    {
        Vector256<int> rounding = Vector256.Create(Rounding);
        Vector256<int> max = Vector256.Create(255);
        for (int xx = 0; xx < taps.Length; xx++)
        {
            int* w = taps.Weights + xx * taps.Stride;
            int n = taps.Count[xx];
            byte* start = source + (nint)taps.First[xx] * sourceStep;
            byte* d = destination + (nint)xx * destinationStep;
            for (int lane = 0; lane < laneCount; lane += LaneGroup)
            {
                Vector256<int> low = rounding, high = rounding;
                byte* s = start + lane;
                for (int k = 0; k < n; k++, s += sourceStep)
                {
                    Vector256<int> weight = Vector256.Create(w[k]);
                    low += Avx2.ConvertToVector256Int32(s) * weight;
                    high += Avx2.ConvertToVector256Int32(s + 8) * weight;
                }
                low = Vector256.Min(Vector256.Max(Vector256.ShiftRightArithmetic(low, BicubicCoefficients.PrecisionBits), Vector256<int>.Zero), max);
                high = Vector256.Min(Vector256.Max(Vector256.ShiftRightArithmetic(high, BicubicCoefficients.PrecisionBits), Vector256<int>.Zero), max);
                Vector256<short> words = Vector256.Narrow(low, high);
                Vector256.Narrow(words.AsUInt16(), words.AsUInt16()).GetLower().Store(d + lane);
            }
        }
    }
}
