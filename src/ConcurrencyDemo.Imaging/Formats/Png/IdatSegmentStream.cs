namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>
/// A read-only stream over the data fields of the IDAT chunks where they lie in the file, so the
/// inflater reads the compressed image without it first being copied into one buffer. The memory
/// must stay pinned for the stream's lifetime (the decoder holds it in a <c>fixed</c> block).
/// </summary>
internal sealed unsafe class IdatSegmentStream : Stream
{
    private readonly byte* _file;
    private readonly List<(int Offset, int Length)> _segments;
    private int _segment;
    private int _offsetInSegment;

    public IdatSegmentStream(byte* file, List<(int Offset, int Length)> segments)
    {
        _file = file;
        _segments = segments;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int copied = 0;
        while (copied < buffer.Length && _segment < _segments.Count)
        {
            (int start, int length) = _segments[_segment];
            int available = length - _offsetInSegment;
            if (available == 0)
            {
                _segment++;
                _offsetInSegment = 0;
                continue;
            }
            int take = Math.Min(available, buffer.Length - copied);
            new ReadOnlySpan<byte>(_file + start + _offsetInSegment, take).CopyTo(buffer[copied..]);
            copied += take;
            _offsetInSegment += take;
        }
        return copied;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
