namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Encoding;

/// <summary>
/// IJG quality scaling (jcparam.c jpeg_quality_scaling and jpeg_add_quant_table with force_baseline):
/// quality 50 is the Annex K table itself, lower qualities scale it up by 5000/q percent, higher ones
/// down by 200-2q percent, and every entry is clamped to 1..255 so it fits an 8-bit DQT.
/// </summary>
internal static class QuantizationTableScaler
{
    public static int ScaleFactorPercent(int quality) => quality < 50 ? 5000 / quality : 200 - quality * 2;

    /// <summary>Returns the scaled table in natural (row-major) order.</summary>
    public static byte[] Scale(ReadOnlySpan<byte> annexKTable, int quality)
    {
        int scale = ScaleFactorPercent(quality);
        var table = new byte[64];
        for (int i = 0; i < 64; i++)
        {
            long value = (annexKTable[i] * (long)scale + 50) / 100;
            table[i] = (byte)Math.Clamp(value, 1, 255);
        }
        return table;
    }
}
