namespace ConcurrencyDemo.PhotoSite;

/// <summary>How a reply's body ends: whole, cut off by an aborted connection, or never (a stalled body).</summary>
internal enum BodyEnding
{
    Complete,
    Drop,
    Stall,
}

/// <summary>
/// What the site answers to one request, decided before anything is sent: the status, the headers, the body,
/// how long to wait before the first byte and how the body ends. The headers always promise the whole body's
/// length, also when a fault cuts it short, as a real connection that breaks mid-body would.
/// </summary>
internal sealed record Reply(int StatusCode, string ContentType, ReadOnlyMemory<byte> Body)
{
    public TimeSpan Latency { get; init; }

    public BodyEnding Ending { get; init; } = BodyEnding.Complete;

    /// <summary>With a <see cref="BodyEnding.Drop"/> or <see cref="BodyEnding.Stall"/>: the body bytes sent before it.</summary>
    public long BytesBeforeEnding { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The part of the body that is sent.</summary>
    public ReadOnlyMemory<byte> SentBody =>
        Ending == BodyEnding.Complete ? Body : Body[..(int)Math.Min(BytesBeforeEnding, Body.Length)];
}
