using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// The vertical half of <see cref="GaussianBlur"/>, run down an image's rows in order as they become final:
/// three extended box passes chained row by row, each keeping a running sum per byte of a row. A pass's output
/// row <c>i</c> needs its input rows up to <c>i + radius + 1</c>, so the first pass reads the image's own rows,
/// the later passes read a ring of the rows the pass before produced, and the last pass writes each finished row
/// back into the image, in place, once no pass needs that row any more.
/// </summary>
/// <remarks>
/// Why rows and not columns: given to the decoder (after <see cref="GaussianRowBlur"/>), it blurs each row within
/// a few dozen rows of where the decoder wrote it, while the rows are still in the cache, and a whole image is
/// walked once, top to bottom, instead of once per column strip with every row on its own page. The arithmetic is
/// <see cref="BoxBlurLaneKernel"/>'s, term for term, so the bytes are Pillow's. A radius so large that the rings
/// would outgrow <see cref="DefaultRingBudgetBytes"/> waits for the last row instead, then blurs strip after strip of
/// columns with rings of the strip's width. One instance serves one image, on one thread at a time.
/// </remarks>
public sealed unsafe class GaussianColumnBlur : IDisposable
{
    /// <summary>
    /// The most the two rings may take together while following the decoder: at the default radius a 6000-pixel-wide
    /// photo needs about 1 MB. A larger radius (each ring holds 2r+3 rows) instead waits for the whole image and
    /// goes down it in strips of columns narrow enough for this, so that memory never grows with the radius.
    /// </summary>
    internal const int DefaultRingBudgetBytes = 8 << 20;

    private readonly BoxBlurWeights _weights;
    private readonly bool _blurs;
    private readonly LaneKernelPath _path;
    private readonly int _ringBudgetBytes;
    private ReportedImage _image;
    private int _ringRows;
    /// <summary>Bytes of a row each ring row and sum array hold: the whole row, or one strip's width of it.</summary>
    private int _stripBytes;
    /// <summary>Where the strip being blurred starts in a row, and how many bytes of the row it covers.</summary>
    private int _stripStart, _lanes;
    private int _rowsTaken;
    private readonly int[] _outputRows = new int[BoxBlurWeights.PassesPerDirection];
    /// <summary>Per pass, the running sum of each byte of a row.</summary>
    private readonly uint[]?[] _sums = new uint[BoxBlurWeights.PassesPerDirection][];
    /// <summary>Per pass after the first, the last rows of its input (the previous pass's output), by row modulo the ring's size.</summary>
    private readonly byte[]?[] _rings = new byte[BoxBlurWeights.PassesPerDirection][];
    private long _ticks;

    public GaussianColumnBlur(float radius) : this(radius, LaneKernels.Best) { }

    internal GaussianColumnBlur(float radius, LaneKernelPath path, int ringBudgetBytes = DefaultRingBudgetBytes)
    {
        GaussianBlur.CheckRadius(radius);
        _blurs = radius > 0;
        if (_blurs) _weights = BoxBlurWeights.ForGaussian(radius);
        _path = path;
        _ringBudgetBytes = ringBudgetBytes;
    }

    /// <summary>Whether the rows are blurred as they arrive (false: once the last one has, strip by strip).</summary>
    internal bool FollowsRows => _stripBytes == _image.Stride;

    /// <summary>Seconds spent blurring so far, on whichever thread called.</summary>
    public double Seconds => Stopwatch.GetElapsedTime(0, _ticks).TotalSeconds;

    /// <summary>
    /// Takes the rows of <paramref name="rowsSoFar"/> (the image's first rows, their horizontal blur done) not
    /// taken before, and writes back every row whose vertical blur they complete; the last row completes them all.
    /// </summary>
    public void BlurFinalRows(Span<byte> rowsSoFar, int width, int height, PixelFormat format)
    {
        int rowsFinal = _image.RowsFinal(rowsSoFar, width, height, format, "column blur");
        if (!_blurs || rowsFinal <= _rowsTaken) return;
        if (_sums[0] is null) Start();
        if (!FollowsRows && rowsFinal < height) return;

        long start = Stopwatch.GetTimestamp();
        fixed (byte* image = rowsSoFar)
        fixed (byte* ring1 = _rings[1])
        fixed (byte* ring2 = _rings[2])
        fixed (uint* sums0 = _sums[0])
        fixed (uint* sums1 = _sums[1])
        fixed (uint* sums2 = _sums[2])
        {
            var pinned = new Pinned(image, ring1, ring2, sums0, sums1, sums2);
            if (FollowsRows)
            {
                for (; _rowsTaken < rowsFinal; _rowsTaken++)
                    Take(0, _rowsTaken, pinned);
            }
            else
            {
                for (_stripStart = 0; _stripStart < _image.Stride; _stripStart += _stripBytes)
                {
                    _lanes = Math.Min(_stripBytes, _image.Stride - _stripStart);
                    Array.Clear(_outputRows);
                    for (int row = 0; row < height; row++)
                        Take(0, row, pinned);
                }
                _rowsTaken = height;
            }
        }
        _ticks += Stopwatch.GetTimestamp() - start;
    }

    /// <summary>Blurs the columns of <paramref name="image"/> below the rows taken so far (all of them, the first time).</summary>
    public void Finish(ImageBuffer image)
    {
        ArgumentNullException.ThrowIfNull(image);
        BlurFinalRows(image.Pixels, image.Width, image.Height, image.Format);
    }

    private void Start()
    {
        int stride = _image.Stride;
        // Output i of a pass reads its input rows i - radius - 1 .. i + radius + 1.
        _ringRows = (int)Math.Min(2L * _weights.Radius + 3, _image.Height);
        long ringBytesPerByte = 2L * _ringRows;
        _stripBytes = ringBytesPerByte * stride <= _ringBudgetBytes
            ? stride
            : (int)Math.Min(stride, Math.Max(LaneKernels.LaneGroup, _ringBudgetBytes / ringBytesPerByte / LaneKernels.LaneGroup * LaneKernels.LaneGroup));
        (_stripStart, _lanes) = (0, _stripBytes);
        for (int pass = 0; pass < BoxBlurWeights.PassesPerDirection; pass++)
        {
            _sums[pass] = ArrayPool<uint>.Shared.Rent(_stripBytes);
            if (pass > 0) _rings[pass] = PixelArrayPool.Rent(_ringRows * _stripBytes);
        }
    }

    /// <summary>The image and this blur's arrays, pinned for the length of one call.</summary>
    private readonly struct Pinned(byte* image, byte* ring1, byte* ring2, uint* sums0, uint* sums1, uint* sums2)
    {
        public byte* Image => image;
        public byte* Ring(int pass) => pass == 1 ? ring1 : ring2;
        public uint* Sums(int pass) => pass switch { 0 => sums0, 1 => sums1, _ => sums2 };
    }

    /// <summary>Input row <paramref name="row"/> of <paramref name="pass"/> is ready: makes every output it completes.</summary>
    private void Take(int pass, int row, in Pinned pinned)
    {
        int last = _image.Height - 1, radius = _weights.Radius;
        uint* sums = pinned.Sums(pass);
        while (_outputRows[pass] <= last && (_outputRows[pass] + radius + 1 <= row || row == last))
        {
            int i = _outputRows[pass]++;
            if (i == 0)
                StartSums(pass, sums, pinned);
            byte* destination = pass == BoxBlurWeights.PassesPerDirection - 1
                ? pinned.Image + (nint)i * _image.Stride + _stripStart
                : RingRow(pinned.Ring(pass + 1), i);
            Step(InputRow(pass, Math.Min(i + radius, last), pinned), InputRow(pass, Math.Max(i - radius - 1, 0), pinned),
                InputRow(pass, Math.Min(i + radius + 1, last), pinned), sums, destination);
            if (pass < BoxBlurWeights.PassesPerDirection - 1)
                Take(pass + 1, i, pinned);
        }
    }

    private byte* InputRow(int pass, int row, in Pinned pinned) =>
        pass == 0 ? pinned.Image + (nint)row * _image.Stride + _stripStart : RingRow(pinned.Ring(pass), row);

    private byte* RingRow(byte* ring, int row) => ring + (nint)(row % _ringRows) * _stripBytes;

    /// <summary>The window sums for position -1, as <see cref="BoxBlurLaneKernel"/> starts each lane.</summary>
    private void StartSums(int pass, uint* sums, in Pinned pinned)
    {
        // The first rows a start reads (up to the radius, or every row of an image no taller) are never wrapped in
        // a ring, which holds at least that many, so they lie a fixed step apart there as in the image.
        byte* first = InputRow(pass, 0, pinned);
        nint step = pass == 0 ? _image.Stride : _stripBytes;
        for (int x = 0; x < _lanes; x++)
            sums[x] = BoxBlurLaneKernel.InitialSumScalar(first + x, step, _image.Height, _weights.Radius);
    }

    private void Step(byte* add, byte* sub, byte* right, uint* sums, byte* output)
    {
        int done = _path switch
        {
            LaneKernelPath.Avx512 when Avx512F.IsSupported => StepAvx512(add, sub, right, sums, output, _lanes, _weights),
            LaneKernelPath.Avx2 when Avx2.IsSupported => StepAvx2(add, sub, right, sums, output, _lanes, _weights),
            _ => 0,
        };
        StepScalar(add, sub, right, sums, output, done, _lanes, _weights);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StepScalar(byte* add, byte* sub, byte* right, uint* sums, byte* output, int from, int to, in BoxBlurWeights weights)
    {
        for (int x = from; x < to; x++)
        {
            uint sum = unchecked(sums[x] + add[x] - sub[x]);
            sums[x] = sum;
            output[x] = weights.Output(sum, sub[x], right[x]);
        }
    }

    /// <summary>Lanes in whole groups of 16; returns how many it did.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int StepAvx512(byte* add, byte* sub, byte* right, uint* sums, byte* output, int lanes, in BoxBlurWeights weights)
    {
        Vector512<int> whole = Vector512.Create((int)weights.Whole);
        Vector512<int> edge = Vector512.Create((int)weights.Edge);
        Vector512<int> half = Vector512.Create((int)BoxBlurWeights.Half);
        int end = lanes / LaneKernels.LaneGroup * LaneKernels.LaneGroup;
        int* sum = (int*)sums;
        for (int x = 0; x < end; x += LaneKernels.LaneGroup)
        {
            Vector512<int> s = BoxBlurLaneKernel.Load512(sub + x), r = BoxBlurLaneKernel.Load512(right + x);
            Vector512<int> total = Vector512.Load(sum + x) + BoxBlurLaneKernel.Load512(add + x) - s;
            total.Store(sum + x);
            Vector512<int> bulk = total * whole + (s + r) * edge + half;
            Avx512F.ConvertToVector128Byte(Vector512.ShiftRightLogical(bulk, BoxBlurWeights.FractionBits)).Store(output + x);
        }
        return end;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int StepAvx2(byte* add, byte* sub, byte* right, uint* sums, byte* output, int lanes, in BoxBlurWeights weights)
    {
        Vector256<int> whole = Vector256.Create((int)weights.Whole);
        Vector256<int> edge = Vector256.Create((int)weights.Edge);
        Vector256<int> half = Vector256.Create((int)BoxBlurWeights.Half);
        int end = lanes / LaneKernels.LaneGroup * LaneKernels.LaneGroup;
        int* sum = (int*)sums;
        for (int x = 0; x < end; x += LaneKernels.LaneGroup)
        {
            Vector256<int> sLow = Avx2.ConvertToVector256Int32(sub + x), sHigh = Avx2.ConvertToVector256Int32(sub + x + 8);
            Vector256<int> rLow = Avx2.ConvertToVector256Int32(right + x), rHigh = Avx2.ConvertToVector256Int32(right + x + 8);
            Vector256<int> low = Vector256.Load(sum + x) + Avx2.ConvertToVector256Int32(add + x) - sLow;
            Vector256<int> high = Vector256.Load(sum + x + 8) + Avx2.ConvertToVector256Int32(add + x + 8) - sHigh;
            low.Store(sum + x);
            high.Store(sum + x + 8);
            Vector256<short> words = Vector256.Narrow(
                Vector256.ShiftRightLogical(low * whole + (sLow + rLow) * edge + half, BoxBlurWeights.FractionBits),
                Vector256.ShiftRightLogical(high * whole + (sHigh + rHigh) * edge + half, BoxBlurWeights.FractionBits));
            Vector256.Narrow(words.AsUInt16(), words.AsUInt16()).GetLower().Store(output + x);
        }
        return end;
    }

    public void Dispose()
    {
        for (int pass = 0; pass < BoxBlurWeights.PassesPerDirection; pass++)
        {
            if (_sums[pass] is { } sums) ArrayPool<uint>.Shared.Return(sums);
            if (_rings[pass] is { } ring) PixelArrayPool.Return(ring);
            _sums[pass] = null;
            _rings[pass] = null;
        }
    }
}
