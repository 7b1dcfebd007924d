namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>How the components of a frame are to be read, decided as libjpeg does (JFIF, Adobe APP14, component ids).</summary>
internal enum JpegColorSpace
{
    Gray,
    YCbCr,
    Rgb,
    Cmyk,
    Ycck,
}

internal static class JpegColorSpaceRules
{
    /// <summary>libjpeg's default_decompress_parms: the markers seen and the component ids choose the colour space.</summary>
    public static JpegColorSpace Resolve(JpegFrame frame, bool sawJfif, int? adobeTransform)
    {
        switch (frame.Components.Length)
        {
            case 1:
                return JpegColorSpace.Gray;
            case 3:
                if (sawJfif) return JpegColorSpace.YCbCr;
                if (adobeTransform is int transform) return transform == 0 ? JpegColorSpace.Rgb : JpegColorSpace.YCbCr;
                JpegComponent[] c = frame.Components;
                if (c[0].Id == 'R' && c[1].Id == 'G' && c[2].Id == 'B') return JpegColorSpace.Rgb;
                return JpegColorSpace.YCbCr;
            case 4:
                // No Adobe marker or transform 0: CMYK; transform 2 (or an unknown one, as libjpeg assumes): YCCK.
                return adobeTransform is null or 0 ? JpegColorSpace.Cmyk : JpegColorSpace.Ycck;
            default:
                throw new UnsupportedImageException($"{frame.Components.Length}-component JPEG");
        }
    }
}
