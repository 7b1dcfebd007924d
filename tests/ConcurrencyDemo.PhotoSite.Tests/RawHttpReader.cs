using System.Globalization;
using System.Text;

namespace ConcurrencyDemo.PhotoSite.Tests;

/// <summary>
/// Reads HTTP/1.1 responses off a raw connection, by their Content-Length: what a test needs to see that one
/// connection carries several responses, which HttpClient hides.
/// </summary>
internal sealed class RawHttpReader(Stream stream)
{
    private readonly List<byte> _buffered = [];

    public async Task<(int Status, IReadOnlyList<string> Headers, byte[] Body)> ReadResponseAsync()
    {
        int end;
        while ((end = IndexOfHeaderEnd()) < 0)
            await FillAsync();
        string head = Encoding.ASCII.GetString(_buffered.GetRange(0, end).ToArray());
        _buffered.RemoveRange(0, end + 4);
        string[] lines = head.Split("\r\n");
        int status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        string lengthLine = lines.Single(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        int length = int.Parse(lengthLine["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        while (_buffered.Count < length)
            await FillAsync();
        byte[] body = _buffered.GetRange(0, length).ToArray();
        _buffered.RemoveRange(0, length);
        return (status, lines[1..], body);
    }

    private int IndexOfHeaderEnd()
    {
        for (int i = 0; i + 3 < _buffered.Count; i++)
            if (_buffered[i] == '\r' && _buffered[i + 1] == '\n' && _buffered[i + 2] == '\r' && _buffered[i + 3] == '\n')
                return i;
        return -1;
    }

    private async Task FillAsync()
    {
        byte[] chunk = new byte[64 * 1024];
        int read = await stream.ReadAsync(chunk);
        if (read == 0) throw new EndOfStreamException("The server closed the connection.");
        _buffered.AddRange(chunk.AsSpan(0, read).ToArray());
    }
}
