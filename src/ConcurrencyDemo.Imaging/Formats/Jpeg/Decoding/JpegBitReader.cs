using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// Reads entropy-coded bits MSB first through a 64-bit buffer, removing 0xFF00 byte stuffing.
/// At a marker or the end of the data it stops and feeds zero bits instead, as libjpeg does, so a
/// truncated scan still decodes; <see cref="IsOverrun"/> tells the scan decoders when real bits ran out.
/// </summary>
internal ref struct JpegBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private ulong _buffer;      // valid bits are left-aligned
    private int _bitCount;      // valid bits in _buffer, zero padding included
    private int _paddingBits;   // how many of the low valid bits are padding (only after a stop)
    private int _stopPosition;  // offset of the 0xFF of the marker that stopped us, or data length; -1 while reading

    public JpegBitReader(ReadOnlySpan<byte> data, int start)
    {
        _data = data;
        _position = start;
        _buffer = 0;
        _bitCount = 0;
        _paddingBits = 0;
        _stopPosition = -1;
    }

    /// <summary>
    /// Continues reading where a reader whose <see cref="Saved"/> state this is stopped: the scans of a buffered
    /// image take turns, a few block rows each, so each keeps its place between turns.
    /// </summary>
    public JpegBitReader(ReadOnlySpan<byte> data, in SavedState state)
    {
        _data = data;
        _position = state.Position;
        _buffer = state.Buffer;
        _bitCount = state.BitCount;
        _paddingBits = state.PaddingBits;
        _stopPosition = state.StopPosition;
    }

    /// <summary>Everything the reader knows besides the data, to resume it later.</summary>
    public readonly SavedState Saved => new(_position, _buffer, _bitCount, _paddingBits, _stopPosition);

    /// <summary>A reader's place in its data (see <see cref="Saved"/>).</summary>
    internal readonly record struct SavedState(int Position, ulong Buffer, int BitCount, int PaddingBits, int StopPosition)
    {
        public static SavedState At(int start) => new(start, 0, 0, 0, -1);

        /// <summary>As <see cref="JpegBitReader.IsOverrun"/> of the reader saved.</summary>
        public bool IsOverrun => BitCount < PaddingBits;
    }

    /// <summary>True once the decoder has consumed bits that were not in the data (truncated or corrupt scan).</summary>
    public readonly bool IsOverrun => _bitCount < _paddingBits;

    /// <summary>Where marker parsing should resume after this scan.</summary>
    public readonly int ResumePosition => _stopPosition >= 0 ? _stopPosition : _position;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnsureBits(int count)
    {
        if (_bitCount < count) Fill();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Fill()
    {
        // Fast path: eight bytes without 0xFF can be appended without looking at each one.
        if (_stopPosition < 0 && _position + 8 <= _data.Length)
        {
            ulong word = BinaryPrimitives.ReadUInt64BigEndian(_data.Slice(_position, 8));
            ulong inverted = ~word;
            bool hasFF = ((inverted - 0x0101010101010101UL) & ~inverted & 0x8080808080808080UL) != 0;
            if (!hasFF)
            {
                int bytes = (64 - _bitCount) >> 3;
                if (bytes > 0)
                {
                    _buffer |= (word >> (64 - bytes * 8)) << (64 - _bitCount - bytes * 8);
                    _bitCount += bytes * 8;
                    _position += bytes;
                }
                return;
            }
        }
        while (_bitCount <= 56)
        {
            if (_stopPosition >= 0)
            {
                // Past the end of the scan data: feed zeros, and count them so overrun is detectable.
                _bitCount += 8;
                _paddingBits = Math.Min(_paddingBits + 8, 1 << 24);
                continue;
            }
            if (_position >= _data.Length)
            {
                _stopPosition = _data.Length;
                continue;
            }
            uint b = _data[_position];
            if (b == 0xFF)
            {
                int p = _position + 1;
                while (p < _data.Length && _data[p] == 0xFF) p++;
                if (p >= _data.Length)
                {
                    _stopPosition = _position;
                    continue;
                }
                if (_data[p] != 0)
                {
                    _stopPosition = p - 1;
                    continue;
                }
                _position = p + 1;
            }
            else
            {
                _position++;
            }
            _buffer |= (ulong)b << (56 - _bitCount);
            _bitCount += 8;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int PeekBits(int count) => (int)(_buffer >> (64 - count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SkipBits(int count)
    {
        _buffer <<= count;
        _bitCount -= count;
    }

    /// <summary>Reads 0-16 bits; the caller has ensured they are buffered.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadBitsUnchecked(int count)
    {
        if (count == 0) return 0;
        int value = (int)(_buffer >> (64 - count));
        _buffer <<= count;
        _bitCount -= count;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadBits(int count)
    {
        if (_bitCount < count) Fill();
        return ReadBitsUnchecked(count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadBit()
    {
        if (_bitCount < 1) Fill();
        int value = (int)(_buffer >> 63);
        _buffer <<= 1;
        _bitCount--;
        return value;
    }

    /// <summary>Reads a magnitude category's extra bits and sign-extends them (T.81 F.2.2.1 EXTEND).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReceiveExtend(int size)
    {
        if (size == 0) return 0;
        if (_bitCount < size) Fill();
        int value = (int)(_buffer >> (64 - size));
        _buffer <<= size;
        _bitCount -= size;
        // Values with a leading 0 bit are negative: value - (2^size - 1).
        return value - (((value >> (size - 1)) - 1) & ((1 << size) - 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecodeSymbol(JpegHuffmanTable table)
    {
        if (_bitCount < 16) Fill();
        int entry = table.Lookup[(int)(_buffer >> (64 - JpegHuffmanTable.LookupBits))];
        if (entry != 0)
        {
            int length = entry >> 8;
            _buffer <<= length;
            _bitCount -= length;
            return entry & 0xFF;
        }
        return DecodeLongSymbol(table);
    }

    private int DecodeLongSymbol(JpegHuffmanTable table)
    {
        for (int length = JpegHuffmanTable.LookupBits + 1; length <= 16; length++)
        {
            int code = (int)(_buffer >> (64 - length));
            if (code <= table.MaxCode[length])
            {
                _buffer <<= length;
                _bitCount -= length;
                return table.Symbols[(code + table.ValueOffset[length]) & 0xFF];
            }
        }
        // No code matches: corrupt data. libjpeg substitutes a zero symbol and carries on; so do we.
        _buffer <<= 16;
        _bitCount -= 16;
        return 0;
    }

    /// <summary>
    /// Moves past the restart marker expected after a restart interval and empties the bit buffer.
    /// Returns false when the next marker is not a restart marker (the scan's data is damaged); the
    /// reader then keeps feeding zeros, which the scan decoders treat as missing data.
    /// </summary>
    public bool TryConsumeRestartMarker()
    {
        _buffer = 0;
        _bitCount = 0;
        int p = _stopPosition >= 0 ? _stopPosition : _position;
        while (true)
        {
            while (p < _data.Length && _data[p] != 0xFF) p++;
            int ff = p;
            while (p < _data.Length && _data[p] == 0xFF) p++;
            if (p >= _data.Length)
            {
                _stopPosition = _data.Length;
                _paddingBits = 0;
                return false;
            }
            if (_data[p] == 0) { p++; continue; }
            if (JpegMarker.IsRestart(_data[p]))
            {
                _position = p + 1;
                _stopPosition = -1;
                _paddingBits = 0;
                return true;
            }
            _stopPosition = p - 1 >= ff ? p - 1 : ff;
            _paddingBits = 0;
            return false;
        }
    }
}
