namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// The Annex K.3 tables, used for table slots 0 and 1 when a file never defines them: Motion-JPEG
/// frames omit DHT and rely on these, and libjpeg-turbo substitutes them the same way.
/// </summary>
internal static class JpegStandardHuffmanTables
{
    public static readonly JpegHuffmanTable DcLuminance = JpegHuffmanTable.Build(JpegTables.DcLuminanceCounts, JpegTables.DcLuminanceSymbols);
    public static readonly JpegHuffmanTable DcChrominance = JpegHuffmanTable.Build(JpegTables.DcChrominanceCounts, JpegTables.DcChrominanceSymbols);
    public static readonly JpegHuffmanTable AcLuminance = JpegHuffmanTable.Build(JpegTables.AcLuminanceCounts, JpegTables.AcLuminanceSymbols);
    public static readonly JpegHuffmanTable AcChrominance = JpegHuffmanTable.Build(JpegTables.AcChrominanceCounts, JpegTables.AcChrominanceSymbols);

    public static JpegHuffmanTable? Default(bool isDc, int slot) => (isDc, slot) switch
    {
        (true, 0) => DcLuminance,
        (true, 1) => DcChrominance,
        (false, 0) => AcLuminance,
        (false, 1) => AcChrominance,
        _ => null,
    };
}
