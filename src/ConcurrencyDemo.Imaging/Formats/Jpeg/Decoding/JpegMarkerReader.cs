namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// Walks the marker segments of a JPEG stream. Like libjpeg it tolerates fill bytes and stray
/// bytes between segments (real files carry both), but every length is checked against the data.
/// </summary>
internal ref struct JpegMarkerReader
{
    private readonly ReadOnlySpan<byte> _data;

    public JpegMarkerReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        Position = 0;
    }

    /// <summary>Offset of the next byte to examine.</summary>
    public int Position { get; set; }

    public readonly ReadOnlySpan<byte> Data => _data;

    public void ExpectStartOfImage()
    {
        if (_data.Length < 2 || _data[0] != 0xFF || _data[1] != JpegMarker.Soi)
            throw new InvalidImageException("not a JPEG file (missing SOI marker)");
        Position = 2;
    }

    /// <summary>
    /// Finds the next marker, skipping garbage and fill bytes, and returns its code;
    /// returns false at the end of the data.
    /// </summary>
    public bool TryReadMarker(out byte marker)
    {
        int p = Position;
        while (true)
        {
            while (p < _data.Length && _data[p] != 0xFF) p++;
            while (p < _data.Length && _data[p] == 0xFF) p++;
            if (p >= _data.Length)
            {
                Position = _data.Length;
                marker = 0;
                return false;
            }
            // FF 00 is a stuffed byte inside entropy data, not a marker: keep looking.
            if (_data[p] != 0)
            {
                marker = _data[p];
                Position = p + 1;
                return true;
            }
            p++;
        }
    }

    /// <summary>Reads the length-prefixed payload of the marker just read.</summary>
    public ReadOnlySpan<byte> ReadSegment(string name)
    {
        if (Position + 2 > _data.Length)
            throw new InvalidImageException($"truncated data: {name} segment length is missing");
        int length = (_data[Position] << 8) | _data[Position + 1];
        if (length < 2)
            throw new InvalidImageException($"bogus marker length {length} in {name} segment");
        if (Position + length > _data.Length)
            throw new InvalidImageException($"truncated data: {name} segment needs {length} bytes, {_data.Length - Position} remain");
        ReadOnlySpan<byte> payload = _data.Slice(Position + 2, length - 2);
        Position += length;
        return payload;
    }
}
