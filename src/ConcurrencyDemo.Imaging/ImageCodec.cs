using ConcurrencyDemo.Imaging.Formats;
using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Formats.Png;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.IO;

namespace ConcurrencyDemo.Imaging;

/// <summary>Decodes and encodes images, choosing the codec by the file's signature, never its extension.</summary>
public static class ImageCodec
{
    public static ImageFormat DetectFormat(ReadOnlySpan<byte> header)
    {
        if (PngSignature.IsPresent(header))
            return ImageFormat.Png;
        // SOI followed by the start of the next marker: every JPEG variant (JFIF, Exif, bare) begins so.
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
            return ImageFormat.Jpeg;
        return ImageFormat.Unknown;
    }

    public static ImageBuffer Decode(ReadOnlySpan<byte> data, DecodeOptions? options = null) =>
        Decode(data, options, rowsDecoded: null);

    /// <param name="rowsDecoded">Told as rows become final, so that work on them can start while they are still in the cache.</param>
    public static ImageBuffer Decode(ReadOnlySpan<byte> data, DecodeOptions? options, DecodedRowsCallback? rowsDecoded) =>
        DetectFormat(data) switch
        {
            ImageFormat.Png => PngDecoder.Decode(data, options),
            ImageFormat.Jpeg => JpegDecoder.Decode(data, options, rowsDecoded),
            _ => throw new InvalidImageException("not a JPEG or PNG image: unrecognised signature"),
        };

    /// <param name="quality">JPEG quality 1-100; checked for every format so a bad setting fails early, ignored by PNG.</param>
    public static void Encode(ImageBuffer image, Stream output, ImageFormat format, int quality = 75)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        ValidateEncodeArguments(format, quality);
        if (format == ImageFormat.Png)
            PngEncoder.Encode(image, output);
        else
            JpegEncoder.Encode(image, output, new JpegEncoderOptions { Quality = quality });
    }

    /// <summary>Reads and decodes a file; the format comes from its content. A missing or unreadable file throws the BCL's IOException.</summary>
    public static ImageBuffer Load(string path, DecodeOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var bytes = RentedFileBytes.Read(path);
        return Decode(bytes.Span, options);
    }

    /// <summary>
    /// Encodes to a temporary file beside <paramref name="path"/> and renames it into place, so readers
    /// never see a half-written image and a failure leaves neither a partial image nor the temporary file.
    /// Without <paramref name="overwrite"/> an existing file is an <see cref="IOException"/>.
    /// </summary>
    public static void Save(ImageBuffer image, string path, ImageFormat format, int quality = 75, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(image);
        ValidateEncodeArguments(format, quality);
        AtomicFile.Write(path, stream => Encode(image, stream, format, quality), overwrite);
    }

    /// <summary>The output format a file name asks for (.jpg, .jpeg, .png, any case), or Unknown. Only for choosing what to write.</summary>
    public static ImageFormat OutputFormatFromFileName(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => ImageFormat.Jpeg,
            ".png" => ImageFormat.Png,
            _ => ImageFormat.Unknown,
        };

    private static void ValidateEncodeArguments(ImageFormat format, int quality)
    {
        if (format is not (ImageFormat.Jpeg or ImageFormat.Png))
            throw new ArgumentException($"Cannot encode format {format}.", nameof(format));
        if (quality is < 1 or > 100)
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "Quality must be between 1 and 100.");
    }
}
