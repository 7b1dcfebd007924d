namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>One colour component of a frame: its sampling, its size in samples and blocks, and its quantisation table (the Huffman tables and the DC predictor are a scan's, <see cref="JpegScanComponent"/>).</summary>
internal sealed class JpegComponent
{
    public JpegComponent(int index, int id, int horizontalFactor, int verticalFactor, int quantizationTableId)
    {
        Index = index;
        Id = id;
        HorizontalFactor = horizontalFactor;
        VerticalFactor = verticalFactor;
        QuantizationTableId = quantizationTableId;
    }

    public int Index { get; }
    public int Id { get; }
    public int HorizontalFactor { get; internal set; }
    public int VerticalFactor { get; internal set; }
    public int QuantizationTableId { get; }

    /// <summary>Samples per row and rows of this component (ceil(image size * factor / max factor)).</summary>
    public int SampleWidth { get; internal set; }
    public int SampleHeight { get; internal set; }

    /// <summary>Blocks a non-interleaved scan covers (T.81 A.2.2).</summary>
    public int WidthInBlocks { get; internal set; }
    public int HeightInBlocks { get; internal set; }

    /// <summary>Blocks per row and block rows including the padding interleaved MCUs add.</summary>
    public int BlocksPerLine { get; internal set; }
    public int BlockRows { get; internal set; }

    /// <summary>The quantisation table in natural order, copied when the component's first scan starts (libjpeg latches it then too).</summary>
    public int[]? Quantization { get; set; }
}
