using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging;

/// <summary>
/// Told by a decoder, on its own thread, that more of the image's rows are final: <paramref name="rowsSoFar"/> is
/// the image's pixels from the top down to the last final row (rows of <c>width * channels</c> bytes). The rows
/// may be changed in place: the decoder never reads them again, and the decoded image holds what they hold when
/// decoding ends. The JPEG decoder calls it after every MCU row; the PNG decoder never does, so a caller finishes
/// its work on the rows after decoding either way (see <see cref="ImageCodec.Decode(ReadOnlySpan{byte}, DecodeOptions?, DecodedRowsCallback?)"/>).
/// </summary>
public delegate void DecodedRowsCallback(Span<byte> rowsSoFar, int width, int height, PixelFormat format);
