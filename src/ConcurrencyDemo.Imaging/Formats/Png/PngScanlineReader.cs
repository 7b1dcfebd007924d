using System.Buffers;

namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>
/// Pulls filtered scanlines out of the inflated IDAT stream one at a time and unfilters them, so the
/// decoder never holds more than two scanlines of decompressed data. Throws when the stream ends early
/// or holds more than the image needs.
/// </summary>
internal sealed class PngScanlineReader : IDisposable
{
    private readonly Stream _inflater;
    private readonly int _filterStride;
    private byte[] _current;
    private byte[] _previous;
    private int _rowBytes = -1;

    public PngScanlineReader(Stream inflater, int maxRowBytes, int filterStride)
    {
        _inflater = inflater;
        _filterStride = filterStride;
        _current = ArrayPool<byte>.Shared.Rent(maxRowBytes + 1);
        _previous = ArrayPool<byte>.Shared.Rent(maxRowBytes + 1);
    }

    /// <summary>Starts a new run of rows (the image, or one Adam7 pass) whose first row has no row above it.</summary>
    public void BeginPass(int rowBytes)
    {
        _rowBytes = rowBytes;
        // ReadRow swaps the buffers before reading, so the one cleared here is the "row above" of the first row.
        _current.AsSpan(0, rowBytes + 1).Clear();
    }

    /// <summary>Reads and unfilters the next scanline; the span stays valid until the next call.</summary>
    public ReadOnlySpan<byte> ReadRow()
    {
        (_current, _previous) = (_previous, _current);
        Span<byte> row = _current.AsSpan(0, _rowBytes + 1);
        ReadExactly(row);
        PngRowUnfilter.Apply(row[0], row[1..], _previous.AsSpan(1, _rowBytes), _filterStride);
        return row[1..];
    }

    /// <summary>Confirms the compressed data ends where the image does (which also makes zlib check its Adler-32).</summary>
    public void EnsureEnd()
    {
        Span<byte> probe = stackalloc byte[1];
        if (Inflate(probe) != 0)
            throw new InvalidImageException("IDAT data decompresses to more bytes than the image needs");
    }

    private void ReadExactly(Span<byte> destination)
    {
        int filled = 0;
        while (filled < destination.Length)
        {
            int read = Inflate(destination[filled..]);
            if (read == 0)
                throw new InvalidImageException("IDAT data is truncated: it decompresses to fewer bytes than the image needs");
            filled += read;
        }
    }

    private int Inflate(Span<byte> destination)
    {
        try
        {
            return _inflater.Read(destination);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidImageException($"IDAT data is corrupt: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_current);
        ArrayPool<byte>.Shared.Return(_previous);
    }
}
