namespace ConcurrencyDemo.Engine.Items;

/// <summary>
/// Why an item failed, beside its message: what a front end turns into an error category, an error id or
/// a hint, so that no code has to read a message's words.
/// </summary>
public enum FailureKind
{
    /// <summary>The item succeeded.</summary>
    None,

    /// <summary>What the item was given cannot be used: not an image, corrupt, cut off, unreadable, a folder.</summary>
    InvalidInput,

    /// <summary>The item's output exists and may not be replaced.</summary>
    OutputExists,

    /// <summary>The run was stopped (Ctrl+C) while the item ran.</summary>
    Cancelled,

    /// <summary>The worker process running the item exited or broke the protocol.</summary>
    WorkerDied,

    /// <summary>No worker process could be started for the item.</summary>
    WorkerNotStarted,

    /// <summary>The item took longer than it was allowed.</summary>
    TimedOut,

    /// <summary>Anything else: the message says what.</summary>
    Unexpected,

    /// <summary>What the item asked for is not there: an HTTP 404 or 410.</summary>
    NotFound,

    /// <summary>A server answered with an error status other than "not found" (after any retries it allows).</summary>
    HttpError,

    /// <summary>No connection could be made, or it broke before the whole answer arrived.</summary>
    ConnectionFailed,

    /// <summary>The item is larger than it is allowed to be.</summary>
    TooLarge,
}
