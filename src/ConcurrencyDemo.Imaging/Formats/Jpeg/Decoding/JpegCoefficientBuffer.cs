using ConcurrencyDemo.Imaging.Memory;
using System.Runtime.InteropServices;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// The coefficient blocks of every component of a buffered (progressive or multi-scan) image, in one
/// array rented from <see cref="PixelArrayPool"/> and laid out MCU row by MCU row: MCU row r holds
/// component 0's block rows of that MCU row, then component 1's, and so on. Keeping each MCU row's
/// coefficients together means that once row r has been inverse-transformed its bytes are free, so the
/// output pixels can be written over the rows already consumed (<see cref="HoldsOutput"/>): a progressive
/// image then needs one image-sized buffer at its peak instead of coefficients plus a separate output.
/// </summary>
internal sealed unsafe class JpegCoefficientBuffer : IDisposable
{
    private const int BlockBytes = 64 * sizeof(short);

    private byte[]? _array;
    private GCHandle _handle;
    private readonly short* _base;
    private readonly long _rowShorts;              // one MCU row of all components
    private readonly long[] _componentOffsets;     // shorts from an MCU row's start to a component's first block row
    private readonly int[] _blockRowShorts;        // shorts per block row of a component
    private readonly int[] _verticalFactors;

    private JpegCoefficientBuffer(JpegFrame frame, byte[] array, long rowShorts, bool holdsOutput)
    {
        _array = array;
        // Pinned for the whole decode: the scans and the emission address it by raw pointers. Photo-sized
        // arrays live on the large-object heap, which the GC does not compact by default, so it costs little.
        _handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        _base = (short*)_handle.AddrOfPinnedObject();
        _rowShorts = rowShorts;
        HoldsOutput = holdsOutput;
        int count = frame.Components.Length;
        _componentOffsets = new long[count];
        _blockRowShorts = new int[count];
        _verticalFactors = new int[count];
        long offset = 0;
        for (int i = 0; i < count; i++)
        {
            JpegComponent c = frame.Components[i];
            _componentOffsets[i] = offset;
            _blockRowShorts[i] = c.BlocksPerLine * 64;
            _verticalFactors[i] = c.VerticalFactor;
            offset += (long)c.VerticalFactor * c.BlocksPerLine * 64;
        }
    }

    /// <summary>
    /// Whether the output image (of <c>outputStride * frame.Height</c> bytes) is to be emitted into this
    /// same array; the array is then large enough for it as well as for the coefficients.
    /// </summary>
    public bool HoldsOutput { get; }

    /// <summary>The start of the array, where emitted output begins when <see cref="HoldsOutput"/>.</summary>
    public byte* Pointer => (byte*)_base;

    /// <summary>
    /// Allocates the coefficients, not yet zeroed (<see cref="ClearMcuRow"/> zeroes each row just before the scans
    /// decode it, while it is about to be in the cache anyway); decides whether the output can share their array.
    /// </summary>
    public static JpegCoefficientBuffer Create(JpegFrame frame, int outputStride, bool allowOutputInPlace)
    {
        long rowBytes = 0;
        foreach (JpegComponent c in frame.Components)
            rowBytes += (long)c.VerticalFactor * c.BlocksPerLine * BlockBytes;
        long coefficientBytes = rowBytes * frame.McuRows;
        long outputBytes = (long)outputStride * frame.Height;
        bool holdsOutput = allowOutputInPlace && CanHoldOutput(frame.McuRows, rowBytes, (long)frame.McuHeight * outputStride);
        long length = holdsOutput ? Math.Max(coefficientBytes, outputBytes) : coefficientBytes;
        // Bounded by the frame size, which the pixel limit has bounded.
        if (length > Array.MaxLength) throw new InvalidImageException("image too large for its coefficient buffer");
        byte[] array = PixelArrayPool.Rent((int)length);
        return new JpegCoefficientBuffer(frame, array, rowBytes / sizeof(short), holdsOutput);
    }

    /// <summary>
    /// Whether output written from the start of the array never overtakes coefficients not yet read.
    /// Emission inverse-transforms MCU row s and then writes the pixels of strip s-1, which end at byte
    /// s * <paramref name="outputRowBytes"/>, while the first unread row (s+1) starts at byte
    /// (s+1) * <paramref name="coefficientRowBytes"/>. That holds for every s in 1..rows-1 exactly when
    /// it holds for the last one; it always does when an MCU row's coefficients take at least as many
    /// bytes as its pixels (4:2:0 exactly, 4:2:2, 4:4:4, grey, CMYK), and may not for exotic samplings.
    /// </summary>
    internal static bool CanHoldOutput(int mcuRows, long coefficientRowBytes, long outputRowBytes) =>
        (mcuRows - 1) * outputRowBytes <= mcuRows * coefficientRowBytes;

    /// <summary>Zeroes the coefficients of one MCU row of every component.</summary>
    public void ClearMcuRow(int mcuRow) =>
        new Span<short>(_base + mcuRow * _rowShorts, (int)_rowShorts).Clear();

    /// <summary>The first block of block row <paramref name="blockRow"/> (below BlockRows) of a component.</summary>
    public short* BlockRow(int componentIndex, int blockRow)
    {
        int v = _verticalFactors[componentIndex];
        (int mcuRow, int within) = Math.DivRem(blockRow, v);
        return _base + mcuRow * _rowShorts + _componentOffsets[componentIndex] + (long)within * _blockRowShorts[componentIndex];
    }

    /// <summary>Hands the array over (to the image emitted into it); this buffer no longer returns it to the pool.</summary>
    public byte[] Release()
    {
        byte[] array = _array ?? throw new ObjectDisposedException(nameof(JpegCoefficientBuffer));
        _handle.Free();
        _array = null;
        return array;
    }

    public void Dispose()
    {
        if (_array is null) return;
        _handle.Free();
        PixelArrayPool.Return(_array);
        _array = null;
    }
}
