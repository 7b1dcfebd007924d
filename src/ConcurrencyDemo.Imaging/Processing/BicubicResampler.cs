using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// Pillow's <c>ImagingResample</c> with the bicubic filter: a horizontal pass into a temporary image
/// holding only the rows the vertical pass will read, then the vertical pass. A pass is skipped when
/// its axis keeps its size and the source region spans it exactly, as Pillow skips it; skipping is not
/// an optimisation detail here, since every pass rounds to 8 bits.
/// </summary>
internal static class BicubicResampler
{
    private const int Rounding = 1 << (BicubicCoefficients.PrecisionBits - 1);

    /// <summary>Resamples the region [left, right) x [top, bottom) of <paramref name="source"/> (Pillow's float box) to the given size.</summary>
    public static ImageBuffer Resample(ImageBuffer source, int width, int height, float left, float top, float right, float bottom)
    {
        // Pillow compares the box's right/bottom edge with the *output* size here; kept as is.
        bool horizontal = width != source.Width || left != 0 || right != width;
        bool vertical = height != source.Height || top != 0 || bottom != height;

        BicubicCoefficients rows = BicubicCoefficients.Compute(source.Height, top, bottom, height);
        int firstRow = rows.First[0];
        int endRow = rows.First[height - 1] + rows.Count[height - 1];

        ImageBuffer current = source;
        ImageBuffer? temporary = null;
        try
        {
            if (horizontal)
            {
                BicubicCoefficients columns = BicubicCoefficients.Compute(source.Width, left, right, width);
                temporary = new ImageBuffer(width, Math.Max(endRow - firstRow, 1), source.Format);
                ResampleRows(source, firstRow, temporary, columns);
                current = temporary;
            }
            else
            {
                firstRow = 0;
            }

            if (vertical)
            {
                var result = new ImageBuffer(current.Width, height, source.Format);
                ResampleColumns(current, firstRow, result, rows);
                return result;
            }

            if (temporary is not null)
            {
                ImageBuffer result = temporary;
                temporary = null;
                return result;
            }
            var copy = new ImageBuffer(source.Width, source.Height, source.Format);
            source.Pixels.CopyTo(copy.Pixels);
            return copy;
        }
        finally
        {
            temporary?.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ResampleRows(ImageBuffer source, int firstRow, ImageBuffer target, BicubicCoefficients columns)
    {
        int channels = source.Channels;
        int taps = columns.Taps;
        int[] weights = columns.Weights;
        Span<int> sums = stackalloc int[4];
        for (int y = 0; y < target.Height; y++)
        {
            ReadOnlySpan<byte> input = source.GetRow(firstRow + y);
            Span<byte> output = target.GetRow(y);
            for (int xx = 0; xx < target.Width; xx++)
            {
                int first = columns.First[xx];
                ReadOnlySpan<int> k = weights.AsSpan(xx * taps, columns.Count[xx]);
                ReadOnlySpan<byte> pixels = input.Slice(first * channels, k.Length * channels);
                switch (channels)
                {
                    case 1:
                    {
                        int s0 = Rounding;
                        for (int x = 0; x < k.Length; x++)
                            s0 += pixels[x] * k[x];
                        output[xx] = Clip(s0);
                        break;
                    }
                    case 3:
                    {
                        int s0 = Rounding, s1 = Rounding, s2 = Rounding;
                        for (int x = 0, i = 0; x < k.Length; x++, i += 3)
                        {
                            int w = k[x];
                            s0 += pixels[i] * w;
                            s1 += pixels[i + 1] * w;
                            s2 += pixels[i + 2] * w;
                        }
                        output[xx * 3] = Clip(s0);
                        output[xx * 3 + 1] = Clip(s1);
                        output[xx * 3 + 2] = Clip(s2);
                        break;
                    }
                    default:
                    {
                        int s0 = Rounding, s1 = Rounding, s2 = Rounding, s3 = Rounding;
                        for (int x = 0, i = 0; x < k.Length; x++, i += 4)
                        {
                            int w = k[x];
                            s0 += pixels[i] * w;
                            s1 += pixels[i + 1] * w;
                            s2 += pixels[i + 2] * w;
                            s3 += pixels[i + 3] * w;
                        }
                        output[xx * 4] = Clip(s0);
                        output[xx * 4 + 1] = Clip(s1);
                        output[xx * 4 + 2] = Clip(s2);
                        output[xx * 4 + 3] = Clip(s3);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Each output row is a weighted sum of whole input rows, so the sum runs across the row in
    /// integer vector lanes; the arithmetic per byte is the same as Pillow's scalar loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void ResampleColumns(ImageBuffer source, int firstRow, ImageBuffer target, BicubicCoefficients rows)
    {
        int stride = source.Stride;
        int taps = rows.Taps;
        int[] sums = new int[stride];
        fixed (byte* input = source.Array)
        fixed (int* sum = sums)
        {
            for (int yy = 0; yy < target.Height; yy++)
            {
                int first = rows.First[yy] - firstRow;
                int count = rows.Count[yy];
                Array.Fill(sums, Rounding);
                for (int y = 0; y < count; y++)
                {
                    int weight = rows.Weights[yy * taps + y];
                    byte* line = input + (nint)(first + y) * stride;
                    int i = 0;
                    if (Vector256.IsHardwareAccelerated)
                    {
                        Vector256<int> w = Vector256.Create(weight);
                        for (; i <= stride - 16; i += 16)
                        {
                            Vector256<ushort> wide = Vector256.WidenLower(Vector128.Load(line + i).ToVector256Unsafe());
                            (Vector256<uint> low, Vector256<uint> high) = Vector256.Widen(wide);
                            Vector256.Store(Vector256.Load(sum + i) + low.AsInt32() * w, sum + i);
                            Vector256.Store(Vector256.Load(sum + i + 8) + high.AsInt32() * w, sum + i + 8);
                        }
                    }
                    for (; i < stride; i++)
                        sum[i] += line[i] * weight;
                }
                Span<byte> output = target.GetRow(yy);
                for (int i = 0; i < stride; i++)
                    output[i] = Clip(sum[i]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Clip(int sum) => (byte)Math.Clamp(sum >> BicubicCoefficients.PrecisionBits, 0, 255);
}
