namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Encoding;

/// <summary>
/// RGB to JFIF YCbCr with libjpeg's 16-bit fixed-point coefficients (jccolor.c), so our samples match
/// what cjpeg feeds its DCT. Cb and Cr round with half minus one ulp, as libjpeg does, so 128 stays 128.
/// </summary>
internal static class YCbCrConverter
{
    private const int ScaleBits = 16;
    private const int Half = 1 << (ScaleBits - 1);
    private const int ChromaOffset = 128 << ScaleBits;

    private const int RedY = 19595, GreenY = 38470, BlueY = 7471;
    private const int RedCb = -11059, GreenCb = -21709, BlueCb = 32768;
    private const int RedCr = 32768, GreenCr = -27439, BlueCr = -5329;

    /// <summary>Converts <paramref name="pixels"/> interleaved pixels (3 or 4 bytes each; a fourth byte is ignored).</summary>
    public static void ConvertRow(ReadOnlySpan<byte> source, int bytesPerPixel, int pixels, Span<byte> y, Span<byte> cb, Span<byte> cr)
    {
        for (int x = 0, i = 0; x < pixels; x++, i += bytesPerPixel)
        {
            int r = source[i], g = source[i + 1], b = source[i + 2];
            y[x] = (byte)((RedY * r + GreenY * g + BlueY * b + Half) >> ScaleBits);
            cb[x] = (byte)((RedCb * r + GreenCb * g + BlueCb * b + ChromaOffset + Half - 1) >> ScaleBits);
            cr[x] = (byte)((RedCr * r + GreenCr * g + BlueCr * b + ChromaOffset + Half - 1) >> ScaleBits);
        }
    }
}
