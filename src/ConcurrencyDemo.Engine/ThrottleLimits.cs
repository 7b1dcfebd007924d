namespace ConcurrencyDemo.Engine;

/// <summary>Each mode's default and the effective limit of a run.</summary>
public static class ThrottleLimits
{
    /// <summary>Python's ThreadPoolExecutor default since 3.8: enough threads for I/O, bounded for small machines.</summary>
    public static int DefaultPoolSize => Math.Min(32, Environment.ProcessorCount + 4);

    /// <summary>Python's ProcessPoolExecutor default: one process per core.</summary>
    public static int DefaultProcessCount => Environment.ProcessorCount;

    /// <summary>The limit a run will use; "no limit" is reported as the item count (everything at once).</summary>
    public static int Resolve(ExecutionMode mode, int requested, int itemCount)
    {
        if (requested < 0)
            throw new ArgumentOutOfRangeException(nameof(requested), requested, "ThrottleLimit cannot be negative (0 means the mode's default).");
        int all = Math.Max(1, itemCount);
        return mode switch
        {
            ExecutionMode.Sequential => 1,
            ExecutionMode.Thread or ExecutionMode.Async => requested > 0 ? requested : all,
            ExecutionMode.Pool => requested > 0 ? requested : DefaultPoolSize,
            ExecutionMode.Process => requested > 0 ? requested : DefaultProcessCount,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown execution mode."),
        };
    }
}
