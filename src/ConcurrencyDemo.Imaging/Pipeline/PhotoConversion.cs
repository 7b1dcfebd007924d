using System.Diagnostics;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Imaging.Processing;
using ConcurrencyDemo.IO;

namespace ConcurrencyDemo.Imaging.Pipeline;

/// <summary>
/// Decode → blur → thumbnail → encode, one photo, on the calling thread, timing each stage. It knows
/// nothing of concurrency: the engine decides which thread or process runs it.
/// </summary>
public static class PhotoConversion
{
    /// <summary>Converts one file into another; the output appears whole or not at all.</summary>
    public static PhotoConversionResult ConvertFile(string inputPath, string outputPath, PhotoConversionOptions options, bool overwrite, CancellationToken cancellationToken = default)
    {
        // Checked again when the file is renamed into place; this early check only saves the work.
        if (!overwrite && File.Exists(outputPath))
            throw new FileExistsException(Path.GetFullPath(outputPath));
        long start = Stopwatch.GetTimestamp();
        PhotoConversionResult result;
        double read;
        using var encoded = new MemoryStream();
        using (var input = RentedFileBytes.Read(inputPath))
        {
            read = Stopwatch.GetElapsedTime(start).TotalSeconds;
            result = Convert(input.Span, encoded, options, cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();

        start = Stopwatch.GetTimestamp();
        AtomicFile.Write(outputPath, stream => encoded.WriteTo(stream), overwrite);
        double write = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return result with { ReadSeconds = read, WriteSeconds = write };
    }

    /// <summary>Converts encoded image bytes, writing the encoded result to <paramref name="output"/>.</summary>
    public static PhotoConversionResult Convert(ReadOnlySpan<byte> input, Stream output, PhotoConversionOptions options, CancellationToken cancellationToken = default)
    {
        using var blur = options.BlurRadius > 0 ? new IncrementalGaussianBlur(options.BlurRadius) : null;
        // The photo is blurred as the decoder finishes its rows, unless the orientation turns rows into columns first.
        DecodedRowsCallback? blurWhileDecoding = blur is null || options.ApplyOrientation ? null : blur.BlurFinalRows;
        long start = Stopwatch.GetTimestamp();
        ImageBuffer image = ImageCodec.Decode(input, options.Decode, blurWhileDecoding);
        // The stages are timed as if they ran one after the other: the blurring done during decoding counts as blurring.
        double blurredWhileDecoding = blur?.Seconds ?? 0;
        double decode = Stopwatch.GetElapsedTime(start).TotalSeconds - blurredWhileDecoding;
        try
        {
            int sourceWidth = image.Width, sourceHeight = image.Height;
            if (options.ApplyOrientation && image.Orientation != 1)
                Replace(ref image, ExifOrientation.Apply(image));

            cancellationToken.ThrowIfCancellationRequested();
            start = Stopwatch.GetTimestamp();
            blur?.Finish(image);
            double blurSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds + blurredWhileDecoding;

            cancellationToken.ThrowIfCancellationRequested();
            start = Stopwatch.GetTimestamp();
            if (options.MaxSize > 0 && (image.Width > options.MaxSize || image.Height > options.MaxSize))
                Replace(ref image, Thumbnail.Create(image, options.MaxSize, options.MaxSize));
            double thumbnail = Stopwatch.GetElapsedTime(start).TotalSeconds;

            cancellationToken.ThrowIfCancellationRequested();
            start = Stopwatch.GetTimestamp();
            long before = output.CanSeek ? output.Position : 0;
            ImageCodec.Encode(image, output, options.OutputFormat, options.Quality);
            double encode = Stopwatch.GetElapsedTime(start).TotalSeconds;

            return new PhotoConversionResult
            {
                SourceWidth = sourceWidth,
                SourceHeight = sourceHeight,
                OutputWidth = image.Width,
                OutputHeight = image.Height,
                InputBytes = input.Length,
                OutputBytes = output.CanSeek ? output.Position - before : 0,
                DecodeSeconds = decode,
                BlurSeconds = blurSeconds,
                ThumbnailSeconds = thumbnail,
                EncodeSeconds = encode,
            };
        }
        finally
        {
            image.Dispose();
        }
    }

    // The large decoded buffer goes back to the pool as soon as its smaller successor exists.
    private static void Replace(ref ImageBuffer image, ImageBuffer next)
    {
        if (ReferenceEquals(image, next)) return;
        image.Dispose();
        image = next;
    }
}
