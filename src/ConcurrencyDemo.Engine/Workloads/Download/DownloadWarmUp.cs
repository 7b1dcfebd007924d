using System.Text;

namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>
/// Compiles the HTTP client's code ahead of a batch, for a front end that starts cold (the CLI): one request
/// through a client made as a batch's is, over an in-memory connection that answers with a canned four-byte
/// JPEG, so nothing leaves the process. Much of the HTTP stack is not precompiled in .NET (generic code across
/// assemblies), and a fresh process compiled it inside its first requests, which arrived 40 ms later than a
/// warm one's.
/// </summary>
public static class DownloadWarmUp
{
    /// <summary>Starts on the thread pool and returns at once; the task says whether the exchange went through.</summary>
    public static Task<bool> Start() => Task.Run(Exchange);

    private static bool Exchange()
    {
        try
        {
            using var client = DownloadClient.Create(DownloadSettings.Default, 1, (_, _) => ValueTask.FromResult<Stream>(new CannedConnection()));
            using var request = new HttpRequestMessage(HttpMethod.Get, "http://warm-up.invalid/photo.jpg");
            using var response = client.Send(request, HttpCompletionOption.ResponseHeadersRead);
            using var body = response.Content.ReadAsStream();
            byte[] buffer = new byte[16];
            int received = 0, read;
            while ((read = body.Read(buffer, 0, buffer.Length)) > 0) received += read;
            return response.IsSuccessStatusCode && received == CannedConnection.BodyLength;
        }
        // Only ever an optimisation: whatever goes wrong here, the batch compiles what it needs itself.
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>A connection whose server has already answered: writes (the request) vanish, reads return the response.</summary>
    private sealed class CannedConnection : Stream
    {
        public const int BodyLength = 4;

        private readonly MemoryStream _response = new(Encoding.Latin1.GetBytes(
            $"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: {BodyLength}\r\n\r\n\xFF\xD8\xFF\xD9"));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _response.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) { }
    }
}
