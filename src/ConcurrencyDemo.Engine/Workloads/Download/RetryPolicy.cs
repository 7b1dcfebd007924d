namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>
/// When a failed attempt is worth another, and how long to wait first. Only what may pass on its own is
/// retried: timeouts, connections that failed or broke, and the statuses that say "not now" (408, 429, 500,
/// 502, 503, 504). A 404, any other status, a body that is no image or too large fail at once: asking again
/// would get the same answer. The wait doubles from <see cref="Interval"/> at each retry (1 s, 2 s, 4 s, ...,
/// at most <see cref="MaxDelay"/>); a server's Retry-After replaces it.
/// </summary>
public sealed record RetryPolicy(int MaximumRetryCount, TimeSpan Interval)
{
    /// <summary>The longest wait between two attempts; a server asking for more is not waited for.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    public static bool IsTransientStatus(int statusCode) => statusCode is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>
    /// Whether to try again after <paramref name="attemptsMade"/> attempts, the last of which failed as
    /// <paramref name="failure"/>, and after how long.
    /// </summary>
    public RetryDecision Decide(int attemptsMade, AttemptFailure failure)
    {
        // Nothing to add to the failure's own words: it was never worth another attempt, or had its share.
        if (!failure.IsTransient || attemptsMade > MaximumRetryCount) return RetryDecision.Stop("");
        if (failure.RetryAfter is { } asked)
        {
            if (asked > MaxDelay)
                return RetryDecision.Stop($"the server asked to wait {asked.TotalSeconds:0} s, longer than {MaxDelay.TotalSeconds:0} s");
            return RetryDecision.After(asked < TimeSpan.Zero ? TimeSpan.Zero : asked);
        }
        double factor = Math.Pow(2, Math.Min(attemptsMade - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(Interval.Ticks * factor, MaxDelay.Ticks));
        return RetryDecision.After(delay);
    }
}

/// <summary>Whether a failed attempt is followed by another (after <see cref="Delay"/>), or why not (empty when the failure says it all).</summary>
public sealed record RetryDecision(bool Retry, TimeSpan Delay, string Reason)
{
    public static RetryDecision After(TimeSpan delay) => new(true, delay, "");

    public static RetryDecision Stop(string reason) => new(false, TimeSpan.Zero, reason);
}
