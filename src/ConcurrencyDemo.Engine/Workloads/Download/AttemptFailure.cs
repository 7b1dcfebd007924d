using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>
/// Why one attempt at a URL failed: the kind the item fails with if no retry follows, the reason in words
/// (without the URL, which the item's message adds), whether another attempt may fare better, and how long
/// the server asked to wait (Retry-After).
/// </summary>
public sealed record AttemptFailure(FailureKind Kind, string Reason, bool IsTransient, TimeSpan? RetryAfter = null)
{
    /// <summary>What an HTTP status that is not a success means for a download.</summary>
    public static AttemptFailure ForStatus(int statusCode, string? reasonPhrase, TimeSpan? retryAfter)
    {
        string reason = string.IsNullOrWhiteSpace(reasonPhrase) ? $"HTTP {statusCode}" : $"HTTP {statusCode} {reasonPhrase}";
        if (statusCode is 404 or 410) return new(FailureKind.NotFound, reason, IsTransient: false);
        bool transient = RetryPolicy.IsTransientStatus(statusCode);
        return new(FailureKind.HttpError, reason, transient, transient ? retryAfter : null);
    }
}

/// <summary>Thrown inside one attempt; the retry loop decides what follows.</summary>
internal sealed class AttemptFailedException(AttemptFailure failure, Exception? innerException = null)
    : Exception(failure.Reason, innerException)
{
    public AttemptFailure Failure { get; } = failure;
}
