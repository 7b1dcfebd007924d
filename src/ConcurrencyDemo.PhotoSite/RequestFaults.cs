using System.Collections.Specialized;
using System.Globalization;

namespace ConcurrencyDemo.PhotoSite;

/// <summary>
/// The faults a request asks for in its query string, so that one running server plays every misbehaving site
/// a test needs: <c>status</c> (with <c>times</c> and <c>retryAfter</c>), <c>drop</c>, <c>stall</c>,
/// <c>html</c> and <c>latencyMs</c>. Other query keys are ignored, as a real site would ignore them.
/// </summary>
internal sealed record RequestFaults
{
    public int? Status { get; init; }

    /// <summary>How many requests of the same path and query get <see cref="Status"/>; null = every one.</summary>
    public int? Times { get; init; }

    public int? RetryAfterSeconds { get; init; }

    /// <summary>Abort the connection after this many body bytes.</summary>
    public long? DropAfter { get; init; }

    /// <summary>Send nothing more after this many body bytes.</summary>
    public long? StallAfter { get; init; }

    public bool Html { get; init; }

    public TimeSpan? Latency { get; init; }

    public static RequestFaults None { get; } = new();

    /// <summary>The faults of a query, or a message saying which value is wrong (the server answers 400 with it).</summary>
    public static RequestFaults Parse(NameValueCollection query, out string? error)
    {
        error = null;
        try
        {
            var faults = new RequestFaults
            {
                Status = Number(query, "status", 100, 599),
                Times = Number(query, "times", 0, int.MaxValue),
                RetryAfterSeconds = Number(query, "retryAfter", 0, int.MaxValue),
                DropAfter = Number(query, "drop", 0, int.MaxValue),
                StallAfter = Number(query, "stall", 0, int.MaxValue),
                Html = (Number(query, "html", 0, 1) ?? 0) == 1,
                Latency = Number(query, "latencyMs", 0, (int)DemoImageServerOptions.MaxLatency.TotalMilliseconds) is int ms ? TimeSpan.FromMilliseconds(ms) : null,
            };
            if (faults.DropAfter is not null && faults.StallAfter is not null)
                throw new FormatException("drop and stall cannot be asked for together.");
            return faults;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return None;
        }
    }

    private static int? Number(NameValueCollection query, string key, int minimum, int maximum)
    {
        string? text = query[key];
        if (text is null) return null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < minimum || value > maximum)
            throw new FormatException($"The query value {key}={text} is not a whole number from {minimum} to {maximum}.");
        return value;
    }
}
