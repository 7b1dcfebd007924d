using System.Buffers;
using System.Diagnostics;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// The horizontal half of <see cref="GaussianBlur"/>, run on an image's rows as they become final (the first half
/// of <see cref="IncrementalGaussianBlur"/>): it blurs each block of 16 rows once all of them are reported, and
/// <see cref="Finish"/> blurs whatever rows are left (all of them after a decoder that reports none); then
/// <see cref="GaussianColumnBlur"/> completes the blur. Each row is blurred on its own, so when it is blurred does
/// not change its bytes. One instance serves one image, on one thread at a time: it remembers how many of that
/// image's rows it has blurred.
/// </summary>
public sealed unsafe class GaussianRowBlur : IDisposable
{
    /// <summary>Rows blurred side by side; 16 rows of any format fill whole lane groups.</summary>
    internal const int RowsPerBlock = LaneKernels.LaneGroup;

    private readonly BoxBlurWeights _weights;
    private readonly bool _blurs;
    private readonly LaneKernelPath _path;
    private byte[]? _first, _second;
    private ReportedImage _image;
    private int _rowsDone;
    private long _ticks;

    public GaussianRowBlur(float radius) : this(radius, LaneKernels.Best) { }

    internal GaussianRowBlur(float radius, LaneKernelPath path)
    {
        GaussianBlur.CheckRadius(radius);
        _blurs = radius > 0;
        if (_blurs) _weights = BoxBlurWeights.ForGaussian(radius);
        _path = path;
    }

    /// <summary>How many of the image's rows, from the top, are blurred.</summary>
    public int RowsBlurred => _rowsDone;

    /// <summary>Seconds spent blurring rows so far, on whichever thread called.</summary>
    public double Seconds => Stopwatch.GetElapsedTime(0, _ticks).TotalSeconds;

    /// <summary>
    /// Blurs every whole block of rows among <paramref name="rowsSoFar"/> (the image's first rows, all final) not
    /// blurred before, and the last, short block once the image is complete. Matches <see cref="DecodedRowsCallback"/>.
    /// </summary>
    public void BlurFinalRows(Span<byte> rowsSoFar, int width, int height, PixelFormat format)
    {
        int rowsFinal = _image.RowsFinal(rowsSoFar, width, height, format, "row blur");
        int channels = _image.Channels, stride = _image.Stride;
        int end = rowsFinal == height ? height : rowsFinal / RowsPerBlock * RowsPerBlock;
        if (!_blurs || end <= _rowsDone) return;

        long start = Stopwatch.GetTimestamp();
        int lanes = RowsPerBlock * channels;
        _first ??= ArrayPool<byte>.Shared.Rent(width * lanes);
        _second ??= ArrayPool<byte>.Shared.Rent(width * lanes);
        fixed (byte* pixels = rowsSoFar)
        fixed (byte* a = _first)
        fixed (byte* b = _second)
        {
            for (int y = _rowsDone; y < end; y += RowsPerBlock)
            {
                int rows = Math.Min(RowsPerBlock, end - y);
                byte* firstRow = pixels + (nint)y * stride;
                RowBlockTransposition.Gather(firstRow, stride, rows, width, channels, a, lanes);
                BoxBlurLaneKernel.Blur(a, lanes, b, lanes, width, lanes, _weights, _path);
                BoxBlurLaneKernel.Blur(b, lanes, a, lanes, width, lanes, _weights, _path);
                BoxBlurLaneKernel.Blur(a, lanes, b, lanes, width, lanes, _weights, _path);
                RowBlockTransposition.Scatter(b, lanes, firstRow, stride, rows, width, channels);
            }
        }
        _rowsDone = end;
        _ticks += Stopwatch.GetTimestamp() - start;
    }

    /// <summary>Blurs the rows of <paramref name="image"/> not blurred yet.</summary>
    public void Finish(ImageBuffer image)
    {
        ArgumentNullException.ThrowIfNull(image);
        BlurFinalRows(image.Pixels, image.Width, image.Height, image.Format);
    }

    public void Dispose()
    {
        if (_first is not null) ArrayPool<byte>.Shared.Return(_first);
        if (_second is not null) ArrayPool<byte>.Shared.Return(_second);
        _first = _second = null;
    }
}
