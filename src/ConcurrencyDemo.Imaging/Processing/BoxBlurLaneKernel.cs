using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// One extended-box pass along a line of positions, for many independent lanes at once.
/// A position is <c>laneCount</c> contiguous bytes; positions are <c>step</c> bytes apart.
/// Lanes are how SIMD gets in: a block of rows transposed so that each position holds one pixel of every
/// row (<see cref="GaussianRowBlur"/>). Edges are clamped, sums are
/// running sums (cost independent of the radius), and the arithmetic is Pillow's 8.24 fixed point
/// in wrapping 32-bit unsigned integers, so all paths agree with Pillow to the bit.
/// The loops skip tiered JIT (AggressiveOptimization): a worker process may blur only one or two
/// photos, and tier-0 code would make its first blur several times slower.
/// </summary>
internal static unsafe class BoxBlurLaneKernel
{
    private const int LaneGroup = LaneKernels.LaneGroup;

    public static void Blur(
        byte* source, nint sourceStep, byte* destination, nint destinationStep,
        int length, int laneCount, in BoxBlurWeights weights, LaneKernelPath path)
    {
        switch (path)
        {
            case LaneKernelPath.Avx512 when Avx512F.IsSupported:
                BlurAvx512(source, sourceStep, destination, destinationStep, length, laneCount, weights);
                break;
            case LaneKernelPath.Avx2 when Avx2.IsSupported:
                BlurAvx2(source, sourceStep, destination, destinationStep, length, laneCount, weights);
                break;
            default:
                BlurScalar(source, sourceStep, destination, destinationStep, length, laneCount, weights);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BlurScalar(
        byte* source, nint sourceStep, byte* destination, nint destinationStep,
        int length, int laneCount, in BoxBlurWeights weights)
    {
        int radius = weights.Radius;
        int last = length - 1;
        for (int lane = 0; lane < laneCount; lane++)
        {
            byte* s = source + lane;
            byte* d = destination + lane;
            uint sum = InitialSumScalar(s, sourceStep, length, radius);
            uint add = s[Math.Min(radius, last) * sourceStep];
            for (int i = 0; i < length; i++)
            {
                uint sub = s[Math.Max(i - radius - 1, 0) * sourceStep];
                uint right = s[Math.Min(i + radius + 1, last) * sourceStep];
                sum = unchecked(sum + add - sub);
                d[i * destinationStep] = weights.Output(sum, sub, right);
                add = right;
            }
        }
    }

    /// <summary>
    /// The window sum for position -1 (taps -radius-1 .. radius-1, clamped), so that the first step of the
    /// running sum yields position 0. Clamping turns the overhang into multiples of the end values, which
    /// keeps a radius far larger than the line cheap.
    /// </summary>
    internal static uint InitialSumScalar(byte* s, nint step, int length, int radius)
    {
        uint sum = unchecked((uint)(radius + 1) * s[0]);
        int inside = Math.Min(radius, length);
        for (int k = 0; k < inside; k++)
            sum += s[k * step];
        if (radius > length)
            sum = unchecked(sum + (uint)(radius - length) * s[(length - 1) * step]);
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BlurAvx512(
        byte* source, nint sourceStep, byte* destination, nint destinationStep,
        int length, int laneCount, in BoxBlurWeights weights)
    {
        int radius = weights.Radius;
        int last = length - 1;
        Vector512<int> whole = Vector512.Create((int)weights.Whole);
        Vector512<int> edge = Vector512.Create((int)weights.Edge);
        Vector512<int> half = Vector512.Create((int)BoxBlurWeights.Half);
        for (int lane = 0; lane < laneCount; lane += LaneGroup)
        {
            byte* s = source + lane;
            byte* d = destination + lane;

            Vector512<int> sum = Load512(s) * Vector512.Create(radius + 1);
            int inside = Math.Min(radius, length);
            for (int k = 0; k < inside; k++)
                sum += Load512(s + k * sourceStep);
            if (radius > length)
                sum += Load512(s + last * sourceStep) * Vector512.Create(radius - length);

            Vector512<int> add = Load512(s + Math.Min(radius, last) * sourceStep);
            for (int i = 0; i < length; i++)
            {
                Vector512<int> sub = Load512(s + Math.Max(i - radius - 1, 0) * sourceStep);
                Vector512<int> right = Load512(s + Math.Min(i + radius + 1, last) * sourceStep);
                sum += add - sub;
                Vector512<int> bulk = sum * whole + (sub + right) * edge + half;
                Avx512F.ConvertToVector128Byte(Vector512.ShiftRightLogical(bulk, BoxBlurWeights.FractionBits))
                    .Store(d + i * destinationStep);
                add = right;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<int> Load512(byte* p) =>
        Avx512F.ConvertToVector512Int32(Vector128.Load(p));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BlurAvx2(
        byte* source, nint sourceStep, byte* destination, nint destinationStep,
        int length, int laneCount, in BoxBlurWeights weights)
    {
        int radius = weights.Radius;
        int last = length - 1;
        Vector256<int> whole = Vector256.Create((int)weights.Whole);
        Vector256<int> edge = Vector256.Create((int)weights.Edge);
        Vector256<int> half = Vector256.Create((int)BoxBlurWeights.Half);
        for (int lane = 0; lane < laneCount; lane += LaneGroup)
        {
            byte* s = source + lane;
            byte* d = destination + lane;

            Vector256<int> startFactor = Vector256.Create(radius + 1);
            Vector256<int> sumLow = Avx2.ConvertToVector256Int32(s) * startFactor;
            Vector256<int> sumHigh = Avx2.ConvertToVector256Int32(s + 8) * startFactor;
            int inside = Math.Min(radius, length);
            for (int k = 0; k < inside; k++)
            {
                sumLow += Avx2.ConvertToVector256Int32(s + k * sourceStep);
                sumHigh += Avx2.ConvertToVector256Int32(s + k * sourceStep + 8);
            }
            if (radius > length)
            {
                Vector256<int> overhang = Vector256.Create(radius - length);
                sumLow += Avx2.ConvertToVector256Int32(s + last * sourceStep) * overhang;
                sumHigh += Avx2.ConvertToVector256Int32(s + last * sourceStep + 8) * overhang;
            }

            byte* first = s + Math.Min(radius, last) * sourceStep;
            Vector256<int> addLow = Avx2.ConvertToVector256Int32(first);
            Vector256<int> addHigh = Avx2.ConvertToVector256Int32(first + 8);
            for (int i = 0; i < length; i++)
            {
                byte* pSub = s + Math.Max(i - radius - 1, 0) * sourceStep;
                byte* pRight = s + Math.Min(i + radius + 1, last) * sourceStep;
                Vector256<int> subLow = Avx2.ConvertToVector256Int32(pSub);
                Vector256<int> subHigh = Avx2.ConvertToVector256Int32(pSub + 8);
                Vector256<int> rightLow = Avx2.ConvertToVector256Int32(pRight);
                Vector256<int> rightHigh = Avx2.ConvertToVector256Int32(pRight + 8);
                sumLow += addLow - subLow;
                sumHigh += addHigh - subHigh;
                Vector256<int> bulkLow = sumLow * whole + (subLow + rightLow) * edge + half;
                Vector256<int> bulkHigh = sumHigh * whole + (subHigh + rightHigh) * edge + half;
                Vector256<short> words = Vector256.Narrow(
                    Vector256.ShiftRightLogical(bulkLow, BoxBlurWeights.FractionBits),
                    Vector256.ShiftRightLogical(bulkHigh, BoxBlurWeights.FractionBits));
                Vector256.Narrow(words.AsUInt16(), words.AsUInt16()).GetLower().Store(d + i * destinationStep);
                addLow = rightLow;
                addHigh = rightHigh;
            }
        }
    }
}
