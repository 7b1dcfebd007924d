namespace ConcurrencyDemo.Imaging.Formats.Jpeg;

/// <summary>
/// The fixed-point constants of libjpeg's accurate integer DCTs (jfdctint.c, jidctint.c): FIX(x) is
/// round(x * 2^13), and the first pass keeps two extra bits. Shared by our forward and inverse DCT,
/// which must use exactly these values to match libjpeg bit for bit.
/// </summary>
internal static class DctFixedPoint
{
    public const int ConstBits = 13;
    public const int Pass1Bits = 2;

    public const int Fix0_298631336 = 2446;
    public const int Fix0_390180644 = 3196;
    public const int Fix0_541196100 = 4433;
    public const int Fix0_765366865 = 6270;
    public const int Fix0_899976223 = 7373;
    public const int Fix1_175875602 = 9633;
    public const int Fix1_501321110 = 12299;
    public const int Fix1_847759065 = 15137;
    public const int Fix1_961570560 = 16069;
    public const int Fix2_053119869 = 16819;
    public const int Fix2_562915447 = 20995;
    public const int Fix3_072711026 = 25172;
}
