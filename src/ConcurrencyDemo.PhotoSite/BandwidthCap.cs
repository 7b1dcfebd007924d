using System.Diagnostics;

namespace ConcurrencyDemo.PhotoSite;

/// <summary>
/// Writes a body no faster than a number of bytes per second: small pieces, each sent once the clock has caught
/// up with the bytes before it. A connection carries one response at a time, so a cap per response is a cap per
/// connection.
/// </summary>
internal static class BandwidthCap
{
    /// <summary>About fifty pieces a second: smooth enough for a client's progress, few enough timer waits.</summary>
    private const int PiecesPerSecond = 50;

    private const int LargestPiece = 64 * 1024;

    public static async Task WriteAsync(Stream output, ReadOnlyMemory<byte> body, long bytesPerSecond, CancellationToken cancellationToken)
    {
        if (bytesPerSecond <= 0)
        {
            await output.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            return;
        }
        int piece = (int)Math.Clamp(bytesPerSecond / PiecesPerSecond, 1, LargestPiece);
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (sent < body.Length)
        {
            // Wait until the bytes already sent have had their time, then send the next piece.
            TimeSpan due = TimeSpan.FromSeconds((double)sent / bytesPerSecond);
            TimeSpan wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            int length = (int)Math.Min(piece, body.Length - sent);
            await output.WriteAsync(body.Slice((int)sent, length), cancellationToken).ConfigureAwait(false);
            sent += length;
        }
        // The last piece has its time too, so that the whole body takes length / bytesPerSecond.
        TimeSpan end = TimeSpan.FromSeconds((double)sent / bytesPerSecond) - clock.Elapsed;
        if (end > TimeSpan.Zero)
            await Task.Delay(end, cancellationToken).ConfigureAwait(false);
    }
}
