namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>The frame header (SOF): image size, coding process and components, with the derived MCU geometry.</summary>
internal sealed class JpegFrame
{
    public const int MaxComponents = 4;

    private JpegFrame(int width, int height, bool progressive, JpegComponent[] components)
    {
        Width = width;
        Height = height;
        IsProgressive = progressive;
        Components = components;
    }

    public int Width { get; }
    public int Height { get; }
    public bool IsProgressive { get; }
    public JpegComponent[] Components { get; }
    public int MaxHorizontalFactor { get; private set; }
    public int MaxVerticalFactor { get; private set; }
    public int McusPerLine { get; private set; }
    public int McuRows { get; private set; }

    /// <summary>Output rows one MCU row produces.</summary>
    public int McuHeight => MaxVerticalFactor * 8;

    /// <summary>Parses an SOF payload. The coding-process checks (arithmetic, lossless ...) happen before this.</summary>
    public static JpegFrame Parse(ReadOnlySpan<byte> segment, bool progressive)
    {
        if (segment.Length < 6)
            throw new InvalidImageException("truncated SOF segment");
        int precision = segment[0];
        if (precision == 12)
            throw new UnsupportedImageException("12-bit JPEG precision");
        if (precision != 8)
            throw new InvalidImageException($"bogus JPEG sample precision {precision}");
        int height = (segment[1] << 8) | segment[2];
        int width = (segment[3] << 8) | segment[4];
        int count = segment[5];
        if (height == 0)
            throw new InvalidImageException("image height is zero (a DNL marker is not supported)");
        if (width == 0)
            throw new InvalidImageException("image width is zero");
        if (count == 0)
            throw new InvalidImageException("frame has no components");
        if (count is 2 or > MaxComponents)
            throw new InvalidImageException($"frame has {count} components; only 1, 3 and 4 are possible");
        if (segment.Length < 6 + 3 * count)
            throw new InvalidImageException("truncated SOF segment");

        var components = new JpegComponent[count];
        for (int i = 0; i < count; i++)
        {
            int id = segment[6 + 3 * i];
            int h = segment[7 + 3 * i] >> 4;
            int v = segment[7 + 3 * i] & 15;
            int tq = segment[8 + 3 * i];
            if (h is < 1 or > 4 || v is < 1 or > 4)
                throw new InvalidImageException($"bogus sampling factors {h}x{v} for component {id}");
            if (tq > 3)
                throw new InvalidImageException($"bad quantization table id {tq} for component {id}");
            components[i] = new JpegComponent(i, id, h, v, tq);
        }
        var frame = new JpegFrame(width, height, progressive, components);
        frame.ComputeGeometry();
        return frame;
    }

    private void ComputeGeometry()
    {
        // A single-component image has one block per MCU whatever its factors say (T.81 A.2.2).
        if (Components.Length == 1)
        {
            Components[0].HorizontalFactor = 1;
            Components[0].VerticalFactor = 1;
        }
        MaxHorizontalFactor = Components.Max(c => c.HorizontalFactor);
        MaxVerticalFactor = Components.Max(c => c.VerticalFactor);
        McusPerLine = DivideCeiling(Width, 8 * MaxHorizontalFactor);
        McuRows = DivideCeiling(Height, 8 * MaxVerticalFactor);
        foreach (JpegComponent c in Components)
        {
            if (MaxHorizontalFactor % c.HorizontalFactor != 0 || MaxVerticalFactor % c.VerticalFactor != 0)
                throw new UnsupportedImageException($"fractional sampling factors {c.HorizontalFactor}x{c.VerticalFactor} of {MaxHorizontalFactor}x{MaxVerticalFactor}");
            c.SampleWidth = DivideCeiling(Width * c.HorizontalFactor, MaxHorizontalFactor);
            c.SampleHeight = DivideCeiling(Height * c.VerticalFactor, MaxVerticalFactor);
            c.WidthInBlocks = DivideCeiling(c.SampleWidth, 8);
            c.HeightInBlocks = DivideCeiling(c.SampleHeight, 8);
            c.BlocksPerLine = McusPerLine * c.HorizontalFactor;
            c.BlockRows = McuRows * c.VerticalFactor;
        }
    }

    public JpegComponent? FindComponent(int id)
    {
        foreach (JpegComponent c in Components)
            if (c.Id == id) return c;
        return null;
    }

    private static int DivideCeiling(int value, int divisor) => (value + divisor - 1) / divisor;
}
