using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg;

/// <summary>Baseline JPEG encoder (JFIF, standard Huffman tables, IJG quality scaling) for Gray8 and Rgb24 images.</summary>
public static class JpegEncoder
{
    public static void Encode(ImageBuffer image, Stream output, JpegEncoderOptions? options = null) =>
        throw new NotImplementedException("JPEG encoding arrives with the encoder branch.");
}
