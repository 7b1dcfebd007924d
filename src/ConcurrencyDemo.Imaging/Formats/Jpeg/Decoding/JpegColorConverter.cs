using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// Row colour conversion to RGB. YCbCr uses libjpeg's jdcolor.c integer arithmetic (16-bit fixed point,
/// rounding folded into the Cr-&gt;R, Cb-&gt;B and Cb-&gt;G terms), so the result is bit-exact with djpeg;
/// the AVX2 path evaluates the same integer expressions. CMYK/YCCK follow Adobe's inverted convention.
/// </summary>
internal static unsafe class JpegColorConverter
{
    private const int ScaleBits = 16;
    private const int OneHalf = 1 << (ScaleBits - 1);
    private const int CrToR = 91881;   // FIX(1.40200)
    private const int CbToB = 116130;  // FIX(1.77200)
    private const int CrToG = -46802;  // -FIX(0.71414)
    private const int CbToG = -22554;  // -FIX(0.34414)

    internal static bool UseSimd { get; set; } = Avx2.IsSupported;

    // pshufb masks that scatter 16 R, G or B bytes into the three 16-byte parts of 48 interleaved RGB bytes.
    private static readonly Vector128<byte>[] InterleaveMasks = BuildInterleaveMasks();

    private static Vector128<byte>[] BuildInterleaveMasks()
    {
        var masks = new Vector128<byte>[9];
        for (int part = 0; part < 3; part++)
        {
            for (int channel = 0; channel < 3; channel++)
            {
                var bytes = new byte[16];
                for (int j = 0; j < 16; j++)
                {
                    int outputIndex = part * 16 + j;
                    bytes[j] = outputIndex % 3 == channel ? (byte)(outputIndex / 3) : (byte)0x80;
                }
                masks[part * 3 + channel] = Vector128.Create(bytes);
            }
        }
        return masks;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void YCbCrPixel(int y, int cb, int cr, byte* rgb)
    {
        cb -= 128;
        cr -= 128;
        rgb[0] = Clamp(y + ((CrToR * cr + OneHalf) >> ScaleBits));
        rgb[1] = Clamp(y + ((CbToG * cb + OneHalf + CrToG * cr) >> ScaleBits));
        rgb[2] = Clamp(y + ((CbToB * cb + OneHalf) >> ScaleBits));
    }

    public static void YCbCrToRgb(byte* y, byte* cb, byte* cr, byte* rgb, int width)
    {
        int i = 0;
        if (UseSimd && Avx2.IsSupported)
        {
            Vector256<int> centre = Vector256.Create(128);
            Vector256<int> half = Vector256.Create(OneHalf);
            Vector128<byte>[] masks = InterleaveMasks;
            for (; i + 16 <= width; i += 16)
            {
                Vector256<short> r16 = default, g16 = default, b16 = default;
                ConvertEight(y + i, cb + i, cr + i, centre, half, out Vector256<int> rLow, out Vector256<int> gLow, out Vector256<int> bLow);
                ConvertEight(y + i + 8, cb + i + 8, cr + i + 8, centre, half, out Vector256<int> rHigh, out Vector256<int> gHigh, out Vector256<int> bHigh);
                r16 = Avx2.Permute4x64(Avx2.PackSignedSaturate(rLow, rHigh).AsInt64(), 0b11_01_10_00).AsInt16();
                g16 = Avx2.Permute4x64(Avx2.PackSignedSaturate(gLow, gHigh).AsInt64(), 0b11_01_10_00).AsInt16();
                b16 = Avx2.Permute4x64(Avx2.PackSignedSaturate(bLow, bHigh).AsInt64(), 0b11_01_10_00).AsInt16();
                Vector256<byte> rg = Avx2.Permute4x64(Avx2.PackUnsignedSaturate(r16, g16).AsUInt64(), 0b11_01_10_00).AsByte();
                Vector256<byte> bb = Avx2.Permute4x64(Avx2.PackUnsignedSaturate(b16, b16).AsUInt64(), 0b11_01_10_00).AsByte();
                StoreInterleaved(rg.GetLower(), rg.GetUpper(), bb.GetLower(), rgb + 3 * i, masks);
            }
        }
        for (; i < width; i++)
            YCbCrPixel(y[i], cb[i], cr[i], rgb + 3 * i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ConvertEight(byte* y, byte* cb, byte* cr, Vector256<int> centre, Vector256<int> half,
        out Vector256<int> r, out Vector256<int> g, out Vector256<int> b)
    {
        Vector256<int> yy = Avx2.ConvertToVector256Int32(y);
        Vector256<int> cbb = Avx2.ConvertToVector256Int32(cb) - centre;
        Vector256<int> crr = Avx2.ConvertToVector256Int32(cr) - centre;
        r = yy + Avx2.ShiftRightArithmetic(crr * Vector256.Create(CrToR) + half, ScaleBits);
        g = yy + Avx2.ShiftRightArithmetic(cbb * Vector256.Create(CbToG) + half + crr * Vector256.Create(CrToG), ScaleBits);
        b = yy + Avx2.ShiftRightArithmetic(cbb * Vector256.Create(CbToB) + half, ScaleBits);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreInterleaved(Vector128<byte> r, Vector128<byte> g, Vector128<byte> b, byte* output, Vector128<byte>[] masks)
    {
        for (int part = 0; part < 3; part++)
        {
            Vector128<byte> value = Ssse3.Shuffle(r, masks[part * 3]) | Ssse3.Shuffle(g, masks[part * 3 + 1]) | Ssse3.Shuffle(b, masks[part * 3 + 2]);
            Sse2.Store(output + part * 16, value);
        }
    }

    /// <summary>RGB-coded JPEG (Adobe transform 0): only interleave.</summary>
    public static void PlanarToRgb(byte* r, byte* g, byte* b, byte* rgb, int width)
    {
        int i = 0;
        if (UseSimd && Avx2.IsSupported)
        {
            Vector128<byte>[] masks = InterleaveMasks;
            for (; i + 16 <= width; i += 16)
                StoreInterleaved(Sse2.LoadVector128(r + i), Sse2.LoadVector128(g + i), Sse2.LoadVector128(b + i), rgb + 3 * i, masks);
        }
        for (; i < width; i++)
        {
            rgb[3 * i] = r[i];
            rgb[3 * i + 1] = g[i];
            rgb[3 * i + 2] = b[i];
        }
    }

    /// <summary>
    /// Adobe CMYK as stored (inverted: 255 means no ink) to RGB by the multiplicative model
    /// R = C' * K' / 255, which is what ImageMagick produces for these files.
    /// </summary>
    public static void InvertedCmykToRgb(byte* c, byte* m, byte* y, byte* k, byte* rgb, int width)
    {
        for (int i = 0; i < width; i++)
        {
            int key = k[i];
            rgb[3 * i] = MultiplyDivide255(c[i], key);
            rgb[3 * i + 1] = MultiplyDivide255(m[i], key);
            rgb[3 * i + 2] = MultiplyDivide255(y[i], key);
        }
    }

    /// <summary>
    /// Adobe YCCK: the YCC part decodes like YCbCr, and libjpeg turns it into C = 255 - R (likewise M, Y)
    /// before the inverted-CMYK rule applies, so the colour channels come out as 255 minus the YCC decode.
    /// </summary>
    public static void YcckToRgb(byte* y, byte* cb, byte* cr, byte* k, byte* rgb, int width)
    {
        byte* pixel = stackalloc byte[3];
        for (int i = 0; i < width; i++)
        {
            YCbCrPixel(y[i], cb[i], cr[i], pixel);
            int key = k[i];
            rgb[3 * i] = MultiplyDivide255(255 - pixel[0], key);
            rgb[3 * i + 1] = MultiplyDivide255(255 - pixel[1], key);
            rgb[3 * i + 2] = MultiplyDivide255(255 - pixel[2], key);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte MultiplyDivide255(int a, int b)
    {
        int t = a * b + 128;
        return (byte)((t + (t >> 8)) >> 8);
    }
}
