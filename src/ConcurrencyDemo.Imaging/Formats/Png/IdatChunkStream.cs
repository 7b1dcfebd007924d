namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>
/// A write-only stream that packages whatever the deflater writes into IDAT chunks of a fixed size,
/// so the compressed image never has to be held whole in memory before its length is known.
/// </summary>
internal sealed class IdatChunkStream(Stream output, int chunkSize = IdatChunkStream.DefaultChunkSize) : Stream
{
    public const int DefaultChunkSize = 64 * 1024;

    private readonly byte[] _buffer = new byte[chunkSize];
    private int _filled;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            int take = Math.Min(buffer.Length, _buffer.Length - _filled);
            buffer[..take].CopyTo(_buffer.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
            if (_filled == _buffer.Length)
                EmitChunk();
        }
    }

    /// <summary>Writes the last, partial chunk; call once after the deflater is closed.</summary>
    public void Complete()
    {
        if (_filled > 0)
            EmitChunk();
    }

    private void EmitChunk()
    {
        PngChunkWriter.Write(output, PngChunkType.Idat, _buffer.AsSpan(0, _filled));
        _filled = 0;
    }

    // Flush from the deflater must not cut a chunk short: chunks are emitted only when full or completed.
    public override void Flush() { }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
