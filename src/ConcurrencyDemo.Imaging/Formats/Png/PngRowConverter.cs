using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>
/// Turns raw (unfiltered) scanlines of any colour type and bit depth into Gray8, Rgb24 or Rgba32 pixels.
/// Sub-byte grey is scaled to the full 0-255 range; 16-bit samples keep their high byte (libpng's
/// strip_16), and the tRNS key is compared at full precision before that reduction.
/// </summary>
internal sealed class PngRowConverter
{
    private readonly PngHeader _header;
    private readonly byte[] _paletteRgba;
    private readonly int _grayKey = -1;
    private readonly int _redKey = -1, _greenKey = -1, _blueKey = -1;

    /// <param name="paletteRgba">256 RGBA entries; entries beyond the PLTE are opaque black, which is what
    /// an out-of-range index decodes to (libpng's behaviour too).</param>
    /// <param name="transparency">The tRNS chunk body for grey or RGB images, or empty.</param>
    public PngRowConverter(PngHeader header, byte[] paletteRgba, bool hasTransparency, ReadOnlySpan<byte> transparency)
    {
        _header = header;
        _paletteRgba = paletteRgba;
        if (hasTransparency && header.ColorType == PngColorType.Grayscale)
            _grayKey = transparency[0] << 8 | transparency[1];
        else if (hasTransparency && header.ColorType == PngColorType.Rgb)
        {
            _redKey = transparency[0] << 8 | transparency[1];
            _greenKey = transparency[2] << 8 | transparency[3];
            _blueKey = transparency[4] << 8 | transparency[5];
        }
        OutputFormat = header.ColorType switch
        {
            PngColorType.Grayscale => hasTransparency ? PixelFormat.Rgba32 : PixelFormat.Gray8,
            PngColorType.Rgb or PngColorType.Palette => hasTransparency ? PixelFormat.Rgba32 : PixelFormat.Rgb24,
            _ => PixelFormat.Rgba32,
        };
    }

    public PixelFormat OutputFormat { get; }

    public void Convert(ReadOnlySpan<byte> raw, int pixels, Span<byte> output)
    {
        switch (_header.ColorType)
        {
            case PngColorType.Grayscale:
                ConvertGray(raw, pixels, output);
                break;
            case PngColorType.Palette:
                ConvertPalette(raw, pixels, output);
                break;
            case PngColorType.Rgb:
                ConvertRgb(raw, pixels, output);
                break;
            case PngColorType.GrayscaleAlpha:
                ConvertGrayAlpha(raw, pixels, output);
                break;
            default:
                ConvertRgba(raw, pixels, output);
                break;
        }
    }

    private static int SubByteSample(ReadOnlySpan<byte> raw, int index, int bitDepth)
    {
        int bit = index * bitDepth;
        return (raw[bit >> 3] >> (8 - bitDepth - (bit & 7))) & ((1 << bitDepth) - 1);
    }

    private void ConvertGray(ReadOnlySpan<byte> raw, int pixels, Span<byte> output)
    {
        int depth = _header.BitDepth;
        bool rgba = OutputFormat == PixelFormat.Rgba32;
        if (depth == 8 && !rgba)
        {
            raw[..pixels].CopyTo(output);
            return;
        }
        int scale = depth switch { 1 => 255, 2 => 85, 4 => 17, _ => 1 };
        for (int x = 0; x < pixels; x++)
        {
            int sample, value;
            if (depth == 16)
            {
                sample = raw[2 * x] << 8 | raw[2 * x + 1];
                value = raw[2 * x];
            }
            else
            {
                sample = depth == 8 ? raw[x] : SubByteSample(raw, x, depth);
                value = sample * scale;
            }
            if (rgba)
            {
                Span<byte> pixel = output.Slice(4 * x, 4);
                pixel[0] = pixel[1] = pixel[2] = (byte)value;
                pixel[3] = sample == _grayKey ? (byte)0 : (byte)255;
            }
            else
            {
                output[x] = (byte)value;
            }
        }
    }

    private void ConvertPalette(ReadOnlySpan<byte> raw, int pixels, Span<byte> output)
    {
        int depth = _header.BitDepth;
        byte[] palette = _paletteRgba;
        if (OutputFormat == PixelFormat.Rgba32)
        {
            for (int x = 0; x < pixels; x++)
            {
                int index = depth == 8 ? raw[x] : SubByteSample(raw, x, depth);
                palette.AsSpan(index * 4, 4).CopyTo(output.Slice(4 * x, 4));
            }
        }
        else
        {
            for (int x = 0; x < pixels; x++)
            {
                int index = depth == 8 ? raw[x] : SubByteSample(raw, x, depth);
                output[3 * x] = palette[index * 4];
                output[3 * x + 1] = palette[index * 4 + 1];
                output[3 * x + 2] = palette[index * 4 + 2];
            }
        }
    }

    private void ConvertRgb(ReadOnlySpan<byte> raw, int pixels, Span<byte> output)
    {
        bool wide = _header.BitDepth == 16;
        if (OutputFormat == PixelFormat.Rgb24)
        {
            if (!wide)
            {
                raw[..(3 * pixels)].CopyTo(output);
                return;
            }
            for (int i = 0; i < 3 * pixels; i++)
                output[i] = raw[2 * i];
            return;
        }
        for (int x = 0; x < pixels; x++)
        {
            int r, g, b;
            if (wide)
            {
                r = raw[6 * x] << 8 | raw[6 * x + 1];
                g = raw[6 * x + 2] << 8 | raw[6 * x + 3];
                b = raw[6 * x + 4] << 8 | raw[6 * x + 5];
                output[4 * x] = raw[6 * x];
                output[4 * x + 1] = raw[6 * x + 2];
                output[4 * x + 2] = raw[6 * x + 4];
            }
            else
            {
                r = output[4 * x] = raw[3 * x];
                g = output[4 * x + 1] = raw[3 * x + 1];
                b = output[4 * x + 2] = raw[3 * x + 2];
            }
            output[4 * x + 3] = r == _redKey && g == _greenKey && b == _blueKey ? (byte)0 : (byte)255;
        }
    }

    private void ConvertGrayAlpha(ReadOnlySpan<byte> raw, int pixels, Span<byte> output)
    {
        int bytesPerSample = _header.BitDepth / 8;
        for (int x = 0; x < pixels; x++)
        {
            byte gray = raw[2 * bytesPerSample * x];
            byte alpha = raw[2 * bytesPerSample * x + bytesPerSample];
            Span<byte> pixel = output.Slice(4 * x, 4);
            pixel[0] = pixel[1] = pixel[2] = gray;
            pixel[3] = alpha;
        }
    }

    private void ConvertRgba(ReadOnlySpan<byte> raw, int pixels, Span<byte> output)
    {
        if (_header.BitDepth == 8)
        {
            raw[..(4 * pixels)].CopyTo(output);
            return;
        }
        for (int i = 0; i < 4 * pixels; i++)
            output[i] = raw[2 * i];
    }
}
