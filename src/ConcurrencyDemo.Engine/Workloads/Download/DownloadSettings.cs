using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>
/// How every download of a batch behaves on the network, named as Invoke-WebRequest names its knobs. Each
/// value is checked where it is set (also when a worker process reads the settings back), and a refused one
/// is an <see cref="InvalidSettingException"/> naming the setting, which each front end spells as its option.
/// </summary>
public sealed record DownloadSettings
{
    public static DownloadSettings Default { get; } = new();

    /// <summary>A day: beyond it a typo is likelier than a network.</summary>
    public const double MaxSeconds = 86_400;

    /// <summary>256 MB: far above any photo, well below what fills a disk by mistake.</summary>
    public const long DefaultMaximumBytes = 256L * 1024 * 1024;

    private readonly double _connectionTimeoutSeconds = 30;
    private readonly double _operationTimeoutSeconds = 30;
    private readonly int _maximumRetryCount = 3;
    private readonly double _retryIntervalSeconds = 1;
    private readonly long _maximumBytes = DefaultMaximumBytes;

    /// <summary>The longest wait for sending the request and receiving the response's headers; 0 waits for ever.</summary>
    public double ConnectionTimeoutSeconds
    {
        get => _connectionTimeoutSeconds;
        init => _connectionTimeoutSeconds = CheckSeconds(nameof(ConnectionTimeoutSeconds), value);
    }

    /// <summary>The longest wait for each read of the body, so that a body that stalls fails; 0 waits for ever.</summary>
    public double OperationTimeoutSeconds
    {
        get => _operationTimeoutSeconds;
        init => _operationTimeoutSeconds = CheckSeconds(nameof(OperationTimeoutSeconds), value);
    }

    /// <summary>How many more attempts a transient failure gets (see <see cref="RetryPolicy"/>); 0 tries once.</summary>
    public int MaximumRetryCount
    {
        get => _maximumRetryCount;
        init => _maximumRetryCount = value is >= 0 and <= 100 ? value
            : throw new InvalidSettingException(nameof(MaximumRetryCount), $"the retry count {value} must be from 0 to 100.");
    }

    /// <summary>The wait before the first retry, doubling at each further one, unless the server sends Retry-After.</summary>
    public double RetryIntervalSeconds
    {
        get => _retryIntervalSeconds;
        init => _retryIntervalSeconds = CheckSeconds(nameof(RetryIntervalSeconds), value);
    }

    /// <summary>The largest body accepted: a larger Content-Length is refused before the body, a longer body as soon as it passes the limit.</summary>
    public long MaximumBytes
    {
        get => _maximumBytes;
        init => _maximumBytes = value > 0 ? value
            : throw new InvalidSettingException(nameof(MaximumBytes), $"the byte limit {value} must be at least 1.");
    }

    /// <summary>Download again, replacing files that exist; without it an existing file is skipped.</summary>
    public bool Overwrite { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public RetryPolicy RetryPolicy => new(MaximumRetryCount, TimeSpan.FromSeconds(RetryIntervalSeconds));

    /// <summary>A timeout as .NET takes it: 0 is none.</summary>
    public static TimeSpan Timeout(double seconds) => seconds > 0 ? TimeSpan.FromSeconds(seconds) : System.Threading.Timeout.InfiniteTimeSpan;

    private static double CheckSeconds(string setting, double value) =>
        double.IsFinite(value) && value is >= 0 and <= MaxSeconds ? value
            : throw new InvalidSettingException(setting, $"{value} must be a number of seconds from 0 to {MaxSeconds}.");
}
