using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// Pillow's <c>ImagingResample</c> with the bicubic filter: a horizontal pass into a temporary image
/// holding only the rows the vertical pass will read, then the vertical pass; when both run, they take
/// turns a band of output rows at a time, so that temporary is a band, not most of an image. A pass is skipped when
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

        if (horizontal && vertical)
            return ResampleInBands(source, BicubicCoefficients.Compute(source.Width, left, right, width), rows, width, height);

        ImageBuffer current = source;
        ImageBuffer? temporary = null;
        try
        {
            if (horizontal)
            {
                BicubicCoefficients columns = BicubicCoefficients.Compute(source.Width, left, right, width);
                temporary = new ImageBuffer(width, Math.Max(endRow - firstRow, 1), source.Format);
                ResampleRows(source, firstRow, temporary, 0, temporary.Height, columns);
                current = temporary;
            }
            else
            {
                firstRow = 0;
            }

            if (vertical)
            {
                var result = new ImageBuffer(current.Width, height, source.Format);
                ResampleColumns(current, firstRow, result, 0, height, rows);
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

    /// <summary>Output rows per band: the rows the band's input shares with the next are kept, not recomputed.</summary>
    private const int BandRows = 64;

    /// <summary>
    /// Both passes, band by band: the horizontal pass fills a band buffer with just the input rows the
    /// band's output rows read (keeping those the next band reads too), then the vertical pass makes
    /// those output rows. Each row of either pass is computed exactly as in whole-image passes, so the
    /// result is the same; only the temporary shrinks from most of an image (the largest allocation of a
    /// thumbnail after the decoded image itself) to a few hundred kilobytes.
    /// </summary>
    private static ImageBuffer ResampleInBands(ImageBuffer source, BicubicCoefficients columns, BicubicCoefficients rows, int width, int height)
    {
        int capacity = 1;
        for (int y0 = 0; y0 < height; y0 += BandRows)
        {
            (int first, int end) = InputRows(rows, y0, Math.Min(height, y0 + BandRows));
            capacity = Math.Max(capacity, end - first);
        }
        var result = new ImageBuffer(width, height, source.Format);
        try
        {
            using var band = new ImageBuffer(width, capacity, source.Format);
            int bandFirst = 0, bandEnd = 0; // the input rows the band holds, bandFirst in its row 0
            for (int y0 = 0; y0 < height; y0 += BandRows)
            {
                int y1 = Math.Min(height, y0 + BandRows);
                (int first, int end) = InputRows(rows, y0, y1);
                if (first >= bandFirst && first < bandEnd)
                {
                    // Span.CopyTo copies overlapping ranges correctly (as memmove).
                    int kept = Math.Min(bandEnd, end) - first;
                    band.Array.AsSpan((first - bandFirst) * band.Stride, kept * band.Stride).CopyTo(band.Array);
                    bandEnd = first + kept;
                }
                else
                {
                    bandEnd = first;
                }
                bandFirst = first;
                if (end > bandEnd)
                    ResampleRows(source, bandEnd, band, bandEnd - bandFirst, end - bandEnd, columns);
                bandEnd = Math.Max(bandEnd, end);
                ResampleColumns(band, bandFirst, result, y0, y1, rows);
            }
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>The input rows output rows [y0, y1) read.</summary>
    private static (int First, int End) InputRows(BicubicCoefficients rows, int y0, int y1)
    {
        int first = int.MaxValue, end = 0;
        for (int yy = y0; yy < y1; yy++)
        {
            first = Math.Min(first, rows.First[yy]);
            end = Math.Max(end, rows.First[yy] + rows.Count[yy]);
        }
        return (first, Math.Max(end, first));
    }

    /// <summary>Resamples source rows firstRow.. horizontally into target rows targetRow..targetRow+rowCount-1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void ResampleRows(ImageBuffer source, int firstRow, ImageBuffer target, int targetRow, int rowCount, BicubicCoefficients columns)
    {
        int channels = source.Channels;
        int taps = columns.Taps;
        fixed (byte* input = source.Array)
        fixed (byte* output = target.Array)
        fixed (int* weights = columns.Weights)
        fixed (int* firsts = columns.First)
        fixed (int* counts = columns.Count)
        {
            for (int y = 0; y < rowCount; y++)
            {
                byte* inRow = input + (nint)(firstRow + y) * source.Stride;
                byte* o = output + (nint)(targetRow + y) * target.Stride;
                for (int xx = 0; xx < target.Width; xx++, o += channels)
                {
                    int* k = weights + xx * taps;
                    int count = counts[xx];
                    byte* p = inRow + firsts[xx] * channels;
                    switch (channels)
                    {
                        case 1:
                        {
                            int s0 = Rounding;
                            for (int x = 0; x < count; x++)
                                s0 += p[x] * k[x];
                            o[0] = Clip(s0);
                            break;
                        }
                        case 3:
                        {
                            int s0 = Rounding, s1 = Rounding, s2 = Rounding;
                            for (int x = 0; x < count; x++, p += 3)
                            {
                                int w = k[x];
                                s0 += p[0] * w;
                                s1 += p[1] * w;
                                s2 += p[2] * w;
                            }
                            o[0] = Clip(s0);
                            o[1] = Clip(s1);
                            o[2] = Clip(s2);
                            break;
                        }
                        default:
                        {
                            int s0 = Rounding, s1 = Rounding, s2 = Rounding, s3 = Rounding;
                            for (int x = 0; x < count; x++, p += 4)
                            {
                                int w = k[x];
                                s0 += p[0] * w;
                                s1 += p[1] * w;
                                s2 += p[2] * w;
                                s3 += p[3] * w;
                            }
                            o[0] = Clip(s0);
                            o[1] = Clip(s1);
                            o[2] = Clip(s2);
                            o[3] = Clip(s3);
                            break;
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Each output row is a weighted sum of whole input rows, so the sum runs across the row in
    /// integer vector lanes; the arithmetic per byte is the same as Pillow's scalar loop. Makes output
    /// rows [y0, y1) from <paramref name="source"/>, whose row 0 is input row <paramref name="firstRow"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void ResampleColumns(ImageBuffer source, int firstRow, ImageBuffer target, int y0, int y1, BicubicCoefficients rows)
    {
        int stride = source.Stride;
        int taps = rows.Taps;
        int[] sums = new int[stride];
        fixed (byte* input = source.Array)
        fixed (int* sum = sums)
        {
            for (int yy = y0; yy < y1; yy++)
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
