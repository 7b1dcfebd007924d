using System.Buffers;
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
    /// <summary>Resamples the region [left, right) x [top, bottom) of <paramref name="source"/> (Pillow's float box) to the given size.</summary>
    public static ImageBuffer Resample(ImageBuffer source, int width, int height, float left, float top, float right, float bottom) =>
        Resample(source, width, height, left, top, right, bottom, LaneKernels.Best);

    internal static ImageBuffer Resample(ImageBuffer source, int width, int height, float left, float top, float right, float bottom, LaneKernelPath path)
    {
        // Pillow compares the box's right/bottom edge with the *output* size here; kept as is.
        bool horizontal = width != source.Width || left != 0 || right != width;
        bool vertical = height != source.Height || top != 0 || bottom != height;

        BicubicCoefficients rows = BicubicCoefficients.Compute(source.Height, top, bottom, height);
        int firstRow = rows.First[0];
        int endRow = rows.First[height - 1] + rows.Count[height - 1];

        if (horizontal && vertical)
            return ResampleInBands(source, BicubicCoefficients.Compute(source.Width, left, right, width), rows, width, height, path);

        ImageBuffer current = source;
        ImageBuffer? temporary = null;
        try
        {
            if (horizontal)
            {
                BicubicCoefficients columns = BicubicCoefficients.Compute(source.Width, left, right, width);
                temporary = new ImageBuffer(width, Math.Max(endRow - firstRow, 1), source.Format);
                ResampleRows(source, firstRow, temporary, 0, temporary.Height, columns, path);
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
    private static ImageBuffer ResampleInBands(ImageBuffer source, BicubicCoefficients columns, BicubicCoefficients rows, int width, int height, LaneKernelPath path)
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
                    ResampleRows(source, bandEnd, band, bandEnd - bandFirst, end - bandEnd, columns, path);
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

    /// <summary>Rows resampled side by side in the horizontal pass; 16 rows of any format fill whole lane groups.</summary>
    private const int RowsPerBlock = LaneKernels.LaneGroup;

    /// <summary>
    /// Resamples source rows firstRow.. horizontally into target rows targetRow..targetRow+rowCount-1, a block of
    /// rows at a time turned into lanes, so that the rows, not the taps, share the SIMD registers.
    /// </summary>
    private static unsafe void ResampleRows(ImageBuffer source, int firstRow, ImageBuffer target, int targetRow, int rowCount, BicubicCoefficients columns, LaneKernelPath path)
    {
        int channels = source.Channels;
        int lanes = RowsPerBlock * channels;
        byte[] inputLanes = ArrayPool<byte>.Shared.Rent(source.Width * lanes);
        byte[] outputLanes = ArrayPool<byte>.Shared.Rent(target.Width * lanes);
        try
        {
            fixed (byte* input = source.Array)
            fixed (byte* output = target.Array)
            fixed (byte* a = inputLanes)
            fixed (byte* b = outputLanes)
            {
                for (int y = 0; y < rowCount; y += RowsPerBlock)
                {
                    int rows = Math.Min(RowsPerBlock, rowCount - y);
                    RowBlockTransposition.Gather(input + (nint)(firstRow + y) * source.Stride, source.Stride, rows, source.Width, channels, a, lanes);
                    BicubicLaneKernel.Resample(a, lanes, b, lanes, lanes, columns, path);
                    RowBlockTransposition.Scatter(b, lanes, output + (nint)(targetRow + y) * target.Stride, target.Stride, rows, target.Width, channels);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(inputLanes);
            ArrayPool<byte>.Shared.Return(outputLanes);
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
                Array.Fill(sums, BicubicCoefficients.Rounding);
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
