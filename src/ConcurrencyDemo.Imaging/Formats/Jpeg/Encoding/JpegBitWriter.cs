using System.Buffers;
using System.Runtime.CompilerServices;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Encoding;

/// <summary>
/// Packs entropy-coded bits MSB first into bytes, inserting the 0x00 after every 0xFF that keeps
/// scan data from looking like a marker, and hands full buffers to the output stream.
/// </summary>
internal sealed class JpegBitWriter : IDisposable
{
    private const int BufferSize = 64 * 1024;
    // Room for one 32-bit flush with every byte stuffed.
    private const int FlushThreshold = BufferSize - 16;

    private readonly Stream _output;
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _position;
    private ulong _accumulator;
    private int _bitCount;

    public JpegBitWriter(Stream output) => _output = output;

    /// <summary>Appends the low <paramref name="count"/> bits of <paramref name="bits"/> (count at most 32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(uint bits, int count)
    {
        _accumulator = (_accumulator << count) | bits;
        _bitCount += count;
        if (_bitCount >= 32)
            EmitWord();
    }

    private void EmitWord()
    {
        _bitCount -= 32;
        uint word = (uint)(_accumulator >> _bitCount);
        byte[] buffer = _buffer;
        int p = _position;
        // A byte of the word is 0xFF exactly when the inverted word has a zero byte.
        uint inverted = ~word;
        if (((inverted - 0x01010101u) & ~inverted & 0x80808080u) == 0)
        {
            buffer[p] = (byte)(word >> 24);
            buffer[p + 1] = (byte)(word >> 16);
            buffer[p + 2] = (byte)(word >> 8);
            buffer[p + 3] = (byte)word;
            p += 4;
        }
        else
        {
            for (int shift = 24; shift >= 0; shift -= 8)
            {
                byte b = (byte)(word >> shift);
                buffer[p++] = b;
                if (b == 0xFF) buffer[p++] = 0;
            }
        }
        _position = p;
        if (_position >= FlushThreshold)
            FlushBuffer();
    }

    /// <summary>Pads the last byte with 1-bits (T.81 F.1.2.3) and writes everything out.</summary>
    public void Finish()
    {
        int padding = (8 - _bitCount % 8) % 8;
        _accumulator = (_accumulator << padding) | ((1u << padding) - 1);
        _bitCount += padding;
        while (_bitCount >= 8)
        {
            _bitCount -= 8;
            byte b = (byte)(_accumulator >> _bitCount);
            _buffer[_position++] = b;
            if (b == 0xFF) _buffer[_position++] = 0;
        }
        FlushBuffer();
    }

    private void FlushBuffer()
    {
        _output.Write(_buffer, 0, _position);
        _position = 0;
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
