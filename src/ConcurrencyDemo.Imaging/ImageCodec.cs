using ConcurrencyDemo.Imaging.Formats;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging;

/// <summary>Decodes and encodes images, choosing the codec by the file's signature, never its extension.</summary>
public static class ImageCodec
{
    public static ImageFormat DetectFormat(ReadOnlySpan<byte> header) =>
        throw new NotImplementedException();

    public static ImageBuffer Decode(ReadOnlySpan<byte> data, DecodeOptions? options = null) =>
        throw new NotImplementedException();

    public static void Encode(ImageBuffer image, Stream output, ImageFormat format, int quality = 75) =>
        throw new NotImplementedException();
}
