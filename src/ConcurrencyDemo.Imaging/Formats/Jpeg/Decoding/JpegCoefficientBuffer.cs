using ConcurrencyDemo.Imaging.Memory;
using System.Runtime.InteropServices;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// The coefficient blocks of one MCU row of every component of a buffered (progressive or multi-scan) image:
/// component 0's block rows of the MCU row, then component 1's, and so on. All the scans decode their part of
/// an MCU row into it (see <see cref="JpegBufferedScan"/>), the row is inverse-transformed, and the same buffer,
/// cleared, takes the next MCU row. So a progressive photo needs a few hundred kilobytes of coefficients, not
/// two bytes for every coefficient of the image (three to six bytes per pixel) as when each scan covered the
/// whole image before the next began.
/// </summary>
internal sealed unsafe class JpegCoefficientBuffer : IDisposable
{
    private const int BlockBytes = 64 * sizeof(short);

    private byte[]? _array;
    private GCHandle _handle;
    private readonly short* _base;
    private readonly int _rowShorts;          // one MCU row of all components
    private readonly int[] _componentOffsets; // shorts from the start to a component's first block row
    private readonly int[] _blockRowShorts;   // shorts per block row of a component

    private JpegCoefficientBuffer(JpegFrame frame, byte[] array, int rowShorts)
    {
        _array = array;
        // Pinned for the whole decode: the scans and the emission address it by raw pointers.
        _handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        _base = (short*)_handle.AddrOfPinnedObject();
        _rowShorts = rowShorts;
        int count = frame.Components.Length;
        _componentOffsets = new int[count];
        _blockRowShorts = new int[count];
        int offset = 0;
        for (int i = 0; i < count; i++)
        {
            JpegComponent c = frame.Components[i];
            _componentOffsets[i] = offset;
            _blockRowShorts[i] = c.BlocksPerLine * 64;
            offset += c.VerticalFactor * c.BlocksPerLine * 64;
        }
    }

    /// <summary>Allocates one MCU row's coefficients, not yet zeroed (<see cref="Clear"/> does that before each row).</summary>
    public static JpegCoefficientBuffer Create(JpegFrame frame)
    {
        long rowBytes = 0;
        foreach (JpegComponent c in frame.Components)
            rowBytes += (long)c.VerticalFactor * c.BlocksPerLine * BlockBytes;
        // At most 4 components x 4 block rows x 8192 blocks of 128 bytes (the frame width is 16 bits): 16 MiB.
        byte[] array = PixelArrayPool.Rent((int)rowBytes);
        return new JpegCoefficientBuffer(frame, array, (int)(rowBytes / sizeof(short)));
    }

    /// <summary>Zeroes every coefficient, for the next MCU row.</summary>
    public void Clear() => new Span<short>(_base, _rowShorts).Clear();

    /// <summary>The first block of a component's block row <paramref name="rowInMcu"/> (below its vertical factor) in the MCU row.</summary>
    public short* BlockRow(int componentIndex, int rowInMcu) =>
        _base + _componentOffsets[componentIndex] + rowInMcu * _blockRowShorts[componentIndex];

    public void Dispose()
    {
        if (_array is null) return;
        _handle.Free();
        PixelArrayPool.Return(_array);
        _array = null;
    }
}
