using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.IO;

namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>
/// Downloads one URL to its file, retrying what may pass (see <see cref="RetryPolicy"/>). The blocking form is
/// what Sequential, Thread, Pool and Process mode run, on their own threads, as the tutorial's <c>requests</c>
/// does; the async form holds no thread while it waits. Both walk the same steps: skip a file that exists,
/// send the request and wait for the headers (ConnectionTimeoutSeconds), refuse an error status or a
/// Content-Length over the limit, read the first bytes and refuse anything that is not an image, then stream
/// the body to a temporary file (each read within OperationTimeoutSeconds, never past MaximumBytes) and rename
/// it into place only when whole. Nothing is left behind by a failure, a timeout or a cancellation.
/// </summary>
internal sealed class ImageDownloader(HttpClient client, DownloadSettings settings)
{
    private const int BufferSize = 64 * 1024;

    private readonly TimeSpan _connectionTimeout = DownloadSettings.Timeout(settings.ConnectionTimeoutSeconds);
    private readonly TimeSpan _operationTimeout = DownloadSettings.Timeout(settings.OperationTimeoutSeconds);
    private readonly RetryPolicy _retry = settings.RetryPolicy;

    public void Download(DownloadItem item, DownloadResult result, ItemContext context)
    {
        var cancellation = context.CancellationToken;
        if (!ShouldDownload(item, result, context)) return;
        for (int attempt = 1; ; attempt++)
        {
            result.Attempts = attempt;
            try
            {
                Attempt(item, result, cancellation);
                Saved(result, context);
                return;
            }
            catch (AttemptFailedException ex)
            {
                var delay = NextDelay(item, context, attempt, ex);
                if (cancellation.WaitHandle.WaitOne(delay)) cancellation.ThrowIfCancellationRequested();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw CannotSave(item, ex);
            }
        }
    }

    public async Task DownloadAsync(DownloadItem item, DownloadResult result, ItemContext context)
    {
        var cancellation = context.CancellationToken;
        if (!ShouldDownload(item, result, context)) return;
        for (int attempt = 1; ; attempt++)
        {
            result.Attempts = attempt;
            try
            {
                await AttemptAsync(item, result, cancellation).ConfigureAwait(false);
                Saved(result, context);
                return;
            }
            catch (AttemptFailedException ex)
            {
                var delay = NextDelay(item, context, attempt, ex);
                await Task.Delay(delay, cancellation).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw CannotSave(item, ex);
            }
        }
    }

    private void Attempt(DownloadItem item, DownloadResult result, CancellationToken cancellation)
    {
        using var request = NewRequest(item);
        using var attemptStop = StartAttempt(cancellation);
        long sent = MonotonicClock.Now;
        HttpResponseMessage response;
        try
        {
            response = client.Send(request, HttpCompletionOption.ResponseHeadersRead, attemptStop.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            throw SendFailed(ex, cancellation);
        }
        using (response)
        {
            long? contentLength = HeadersArrived(response, result, attemptStop, sent, out long headers);
            var body = response.Content.ReadAsStream(attemptStop.Token);
            // A blocking read cannot see a token: a timeout or Ctrl+C closes its stream under it instead.
            using var abort = attemptStop.Token.Register(static stream => ((Stream)stream!).Dispose(), body);
            byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                int filled = 0, read;
                while (filled < ImageSignature.BytesNeeded && (read = Read(body, buffer.AsSpan(filled), filled, attemptStop, cancellation)) > 0)
                    filled = CheckLimit(filled + read);
                string finalPath = item.FinalPath(Identify(buffer.AsSpan(0, filled), result.ContentType));
                using var file = AtomicFileWriter.Create(item.TemporaryPath);
                file.Stream.Write(buffer, 0, filled);
                long received = filled;
                while ((read = Read(body, buffer, received, attemptStop, cancellation)) > 0)
                {
                    received = CheckLimit(received + read);
                    file.Stream.Write(buffer, 0, read);
                }
                Finish(file, finalPath, received, contentLength, headers, result);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private async Task AttemptAsync(DownloadItem item, DownloadResult result, CancellationToken cancellation)
    {
        using var request = NewRequest(item);
        using var attemptStop = StartAttempt(cancellation);
        long sent = MonotonicClock.Now;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptStop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            throw SendFailed(ex, cancellation);
        }
        using (response)
        {
            long? contentLength = HeadersArrived(response, result, attemptStop, sent, out long headers);
            var body = await response.Content.ReadAsStreamAsync(attemptStop.Token).ConfigureAwait(false);
            await using var bodyScope = body.ConfigureAwait(false);
            byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                int filled = 0, read;
                while (filled < ImageSignature.BytesNeeded && (read = await ReadAsync(body, buffer.AsMemory(filled), filled, attemptStop, cancellation).ConfigureAwait(false)) > 0)
                    filled = CheckLimit(filled + read);
                string finalPath = item.FinalPath(Identify(buffer.AsSpan(0, filled), result.ContentType));
                var file = AtomicFileWriter.Create(item.TemporaryPath, FileOptions.Asynchronous);
                await using (file.ConfigureAwait(false))
                {
                    await file.Stream.WriteAsync(buffer.AsMemory(0, filled), cancellation).ConfigureAwait(false);
                    long received = filled;
                    while ((read = await ReadAsync(body, buffer, received, attemptStop, cancellation).ConfigureAwait(false)) > 0)
                    {
                        received = CheckLimit(received + read);
                        await file.Stream.WriteAsync(buffer.AsMemory(0, read), cancellation).ConfigureAwait(false);
                    }
                    Finish(file, finalPath, received, contentLength, headers, result);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>One blocking read, within the operation timeout.</summary>
    private int Read(Stream body, Span<byte> buffer, long receivedSoFar, CancellationTokenSource attemptStop, CancellationToken cancellation)
    {
        attemptStop.CancelAfter(_operationTimeout);
        try
        {
            return body.Read(buffer);
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw ReadFailed(ex, receivedSoFar, attemptStop, cancellation);
        }
        finally
        {
            DisarmReadTimeout(attemptStop);
        }
    }

    private async ValueTask<int> ReadAsync(Stream body, Memory<byte> buffer, long receivedSoFar, CancellationTokenSource attemptStop, CancellationToken cancellation)
    {
        attemptStop.CancelAfter(_operationTimeout);
        try
        {
            return await body.ReadAsync(buffer, attemptStop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw ReadFailed(ex, receivedSoFar, attemptStop, cancellation);
        }
        finally
        {
            DisarmReadTimeout(attemptStop);
        }
    }

    /// <summary>What a read of the body throws when the connection breaks, stalls or is closed under it.</summary>
    private static bool IsReadFailure(Exception ex) =>
        ex is IOException or ObjectDisposedException or HttpRequestException or OperationCanceledException;

    /// <summary>Not while the bytes are written to disk: only the network's wait counts.</summary>
    private static void DisarmReadTimeout(CancellationTokenSource attemptStop)
    {
        if (!attemptStop.IsCancellationRequested) attemptStop.CancelAfter(Timeout.InfiniteTimeSpan);
    }

    private static HttpRequestMessage NewRequest(DownloadItem item) => new(HttpMethod.Get, item.Uri);

    /// <summary>An attempt's own stop: the run's cancellation, or the connection timeout until the headers arrive.</summary>
    private CancellationTokenSource StartAttempt(CancellationToken cancellation)
    {
        var attemptStop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        attemptStop.CancelAfter(_connectionTimeout);
        return attemptStop;
    }

    /// <summary>
    /// The headers are in: the connection timeout no longer applies (each read of the body has its own), the first
    /// byte is timed, and the answer is checked; returns its Content-Length.
    /// </summary>
    private long? HeadersArrived(HttpResponseMessage response, DownloadResult result, CancellationTokenSource attemptStop, long sent, out long headers)
    {
        attemptStop.CancelAfter(Timeout.InfiniteTimeSpan);
        headers = MonotonicClock.Now;
        result.FirstByteSeconds = MonotonicClock.SecondsBetween(sent, headers);
        return Accept(response, result);
    }

    /// <summary>False when a file that counts as this download done already is kept (unless told to replace it).</summary>
    private bool ShouldDownload(DownloadItem item, DownloadResult result, ItemContext context)
    {
        string? existing = settings.Overwrite ? null : item.PossiblePaths().FirstOrDefault(File.Exists);
        if (existing is not null)
        {
            Skipped(result, existing);
            context.Log($"Skipped {item.Uri}: '{existing}' exists");
            return false;
        }
        context.Log($"Downloading {item.Uri}");
        return true;
    }

    private static void Skipped(DownloadResult result, string path)
    {
        result.Status = DownloadStatus.Skipped;
        result.Path = path;
        result.Bytes = new FileInfo(path).Length;
    }

    /// <summary>The answer's status and announced size, before its body is read; returns the Content-Length.</summary>
    private long? Accept(HttpResponseMessage response, DownloadResult result)
    {
        result.StatusCode = (int)response.StatusCode;
        result.ContentType = response.Content.Headers.ContentType?.ToString() ?? "";
        if (!response.IsSuccessStatusCode)
            throw new AttemptFailedException(AttemptFailure.ForStatus(result.StatusCode, response.ReasonPhrase, RetryAfterOf(response.Headers)));
        long? length = response.Content.Headers.ContentLength;
        if (length > settings.MaximumBytes)
            throw new AttemptFailedException(new AttemptFailure(FailureKind.TooLarge,
                $"the server announced {length} bytes, more than the limit of {settings.MaximumBytes}", IsTransient: false));
        return length;
    }

    private static TimeSpan? RetryAfterOf(HttpResponseHeaders headers) =>
        headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };

    /// <summary>The image format the body starts with; anything else fails the download before a file exists.</summary>
    private static ImageType Identify(ReadOnlySpan<byte> head, string contentType)
    {
        if (ImageSignature.Detect(head) is { } type) return type;
        string what = head.IsEmpty ? "an empty body" : $"{MediaType(contentType)} starting with \"{Printable(head)}\"";
        throw new AttemptFailedException(new AttemptFailure(FailureKind.InvalidInput, $"not an image: the server sent {what}", IsTransient: false));
    }

    private static string MediaType(string contentType) => contentType.Length == 0 ? "data" : contentType.Split(';')[0].Trim();

    private static string Printable(ReadOnlySpan<byte> head)
    {
        var text = new StringBuilder();
        foreach (byte b in head[..Math.Min(head.Length, 20)]) text.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        return text.ToString();
    }

    private int CheckLimit(int received) => (int)CheckLimit((long)received);

    private long CheckLimit(long received) =>
        received <= settings.MaximumBytes ? received
            : throw new AttemptFailedException(new AttemptFailure(FailureKind.TooLarge,
                $"the body passed the limit of {settings.MaximumBytes} bytes", IsTransient: false));

    private static void CheckLength(long received, long? contentLength)
    {
        if (contentLength is { } expected && received != expected)
            throw new AttemptFailedException(new AttemptFailure(FailureKind.ConnectionFailed,
                $"the body ended after {received} of the {expected} bytes announced", IsTransient: true));
    }

    /// <summary>The body is all there: checked against its announced length, timed, and renamed into place.</summary>
    private void Finish(AtomicFileWriter file, string finalPath, long received, long? contentLength, long headers, DownloadResult result)
    {
        CheckLength(received, contentLength);
        result.TransferSeconds = MonotonicClock.SecondsBetween(headers, MonotonicClock.Now);
        try
        {
            file.Commit(finalPath, settings.Overwrite);
            result.Status = DownloadStatus.Downloaded;
            result.Path = finalPath;
            result.Bytes = received;
        }
        catch (FileExistsException)
        {
            // Someone saved the same file while this one downloaded: theirs stays, as a file that was there before would.
            Skipped(result, finalPath);
        }
    }

    /// <summary>The network was fine, the disk was not (full, read-only, no permission): not worth a retry.</summary>
    private static ItemFailureException CannotSave(DownloadItem item, Exception ex) =>
        new(FailureKind.Unexpected, $"'{item.Uri}': cannot save it in '{Path.GetDirectoryName(item.Path)}': {ex.Message}", ex);

    /// <summary>Why sending failed: the run's cancellation, the connection timeout, or the connection.</summary>
    private Exception SendFailed(Exception ex, CancellationToken cancellation)
    {
        if (cancellation.IsCancellationRequested) return new OperationCanceledException(cancellation);
        if (ex is OperationCanceledException)
            return new AttemptFailedException(new AttemptFailure(FailureKind.TimedOut,
                $"no answer within {Seconds(settings.ConnectionTimeoutSeconds)} s (ConnectionTimeoutSeconds)", IsTransient: true), ex);
        bool transient = ex is not HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError or HttpRequestError.ConfigurationLimitExceeded };
        return new AttemptFailedException(new AttemptFailure(FailureKind.ConnectionFailed, $"the request failed: {Describe(ex)}", transient), ex);
    }

    /// <summary>Why a read of the body failed: the run's cancellation, the operation timeout, or the connection.</summary>
    private Exception ReadFailed(Exception ex, long receivedSoFar, CancellationTokenSource attemptStop, CancellationToken cancellation)
    {
        if (cancellation.IsCancellationRequested) return new OperationCanceledException(cancellation);
        if (attemptStop.IsCancellationRequested)
            return new AttemptFailedException(new AttemptFailure(FailureKind.TimedOut,
                $"the body stalled: no data for {Seconds(settings.OperationTimeoutSeconds)} s after {receivedSoFar} bytes (OperationTimeoutSeconds)", IsTransient: true), ex);
        return new AttemptFailedException(new AttemptFailure(FailureKind.ConnectionFailed,
            $"the connection broke after {receivedSoFar} bytes: {Describe(ex)}", IsTransient: true), ex);
    }

    /// <summary>What follows a failed attempt: the wait before the next, or the item's failure.</summary>
    private TimeSpan NextDelay(DownloadItem item, ItemContext context, int attempt, AttemptFailedException ex)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        var decision = _retry.Decide(attempt, ex.Failure);
        if (!decision.Retry)
        {
            string attempts = attempt > 1 ? $" (after {attempt} attempts)" : "";
            string why = decision.Reason.Length > 0 ? $"; not retried: {decision.Reason}" : "";
            throw new ItemFailureException(ex.Failure.Kind, $"'{item.Uri}': {ex.Failure.Reason}{attempts}{why}", ex);
        }
        context.Log($"Attempt {attempt} failed ({ex.Failure.Reason}); retrying in {Seconds(decision.Delay.TotalSeconds)} s");
        return decision.Delay;
    }

    private static void Saved(DownloadResult result, ItemContext context)
    {
        if (result.Status == DownloadStatus.Downloaded)
            context.Log(string.Create(CultureInfo.InvariantCulture,
                $"Saved '{result.Path}' ({result.Bytes} bytes; first byte after {result.FirstByteSeconds:0.000} s, body in {result.TransferSeconds:0.000} s)"));
        else
            context.Log($"Skipped: '{result.Path}' was saved meanwhile by someone else");
    }

    /// <summary>The message that says what happened (".NET's "An error occurred while sending the request" says little).</summary>
    private static string Describe(Exception ex)
    {
        // An inner exception often only repeats part of its wrapper ("Connection refused (host:port)" around
        // "Connection refused"): a message already said is left out.
        var messages = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            string message = e.Message.Trim().TrimEnd('.');
            if (message.Length > 0 && !messages.Any(said => said.Contains(message, StringComparison.Ordinal)))
                messages.Add(message);
        }
        return string.Join(": ", messages);
    }

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
