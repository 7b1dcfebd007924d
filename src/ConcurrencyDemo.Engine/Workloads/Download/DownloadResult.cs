using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>
/// One URL of <c>Get-ImageBatch</c>. Latency and bandwidth show apart: <see cref="FirstByteSeconds"/> is the
/// wait for the server's answer, <see cref="TransferSeconds"/> the time its body took, both of the last
/// attempt; DurationSeconds also holds earlier attempts and the waits between them.
/// </summary>
public sealed class DownloadResult : ItemResult
{
    public string Uri { get; set; } = "";

    /// <summary>The file written (or skipped); for a failed URL, the file it would have been.</summary>
    public string Path { get; set; } = "";

    /// <summary>The size of the file at <see cref="Path"/>; 0 when it failed.</summary>
    public long Bytes { get; set; }

    /// <summary>The HTTP status of the last answer; 0 when none came (or nothing was asked).</summary>
    public int StatusCode { get; set; }

    public string ContentType { get; set; } = "";

    /// <summary>How many requests were made: 1 plus the retries; 0 when the file was skipped.</summary>
    public int Attempts { get; set; }

    public DownloadStatus Status { get; set; } = DownloadStatus.Failed;

    /// <summary>From sending the request to receiving the response's headers: the latency.</summary>
    public double FirstByteSeconds { get; set; }

    /// <summary>From the headers to the last byte of the body: the size over the bandwidth.</summary>
    public double TransferSeconds { get; set; }
}
