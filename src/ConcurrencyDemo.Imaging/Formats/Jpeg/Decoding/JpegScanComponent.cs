namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// A frame component as one scan codes it: the Huffman tables that scan's header names for it, and its DC predictor,
/// which runs through the scan (from zero, and from zero again after each restart marker). Kept per scan, not on the
/// component, because a buffered image's scans take turns (<see cref="JpegBufferedScan"/>), each with its own.
/// </summary>
internal sealed class JpegScanComponent(JpegComponent component, int dcTableId, JpegHuffmanTable? dcTable, int acTableId, JpegHuffmanTable? acTable)
{
    public JpegComponent Component { get; } = component;
    public int DcTableId { get; } = dcTableId;
    public JpegHuffmanTable? DcTable { get; } = dcTable;
    public int AcTableId { get; } = acTableId;
    public JpegHuffmanTable? AcTable { get; } = acTable;
    public int DcPredictor;
}
