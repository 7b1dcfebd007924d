using System.Management.Automation;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads.Download;
using ConcurrencyDemo.Paths;

namespace ConcurrencyDemo.Commands;

// The class's <summary> and <remarks>, and each parameter's <summary>, are the cmdlet's help (Get-Help):
// build/New-ModuleHelp.ps1 turns them into en-US/ConcurrencyDemo.dll-Help.xml, so they speak to the user.

/// <summary>
/// Downloads a batch of images, in one or more execution modes, and writes how long each took: how long the
/// server took to answer and how long the body took to arrive. This is I/O-bound work: a download waits for
/// the network, not for a processor, so downloads that run at once overlap their waits. Fifteen photos take
/// about the sum of their times one after another (Sequential) and about the time of the slowest one when
/// each has a thread (Thread, Pool) or is a task (Async).
/// </summary>
/// <remarks>
/// <para>
/// Each URL is saved in -Destination under the last segment of its path, as the tutorial names its files
/// (https://images.unsplash.com/photo-1516117172878-fd2c41f4a759 becomes
/// photo-1516117172878-fd2c41f4a759.jpg): a name without an image extension gets the extension of the
/// format that arrived. Names are made safe on every platform, and whatever a URL holds (.., encoded
/// separators, reserved names such as CON) its file lands in -Destination. Two URLs that would share a name
/// get distinct ones (photo.jpg, photo-2.jpg). A file that exists is skipped (Status Skipped) unless -Force
/// is given.
/// </para>
/// <para>
/// Whether a body is an image is decided by its bytes (JPEG, PNG, GIF, WebP, BMP, TIFF, AVIF, HEIC), not by
/// the URL: an HTML page fails. Every download goes to a temporary file in -Destination and is renamed into
/// place only when it is complete and as long as the server's Content-Length said; a failure, a timeout or
/// Ctrl+C removes the temporary file, so no partial image is ever left. Transient failures (timeouts, broken
/// connections, HTTP 408, 429, 500, 502, 503, 504) are retried -MaximumRetryCount times, waiting
/// -RetryIntervalSec and twice as long at each further retry, or as long as the server's Retry-After says.
/// A 404, another error status or a body that is no image fails at once.
/// </para>
/// <para>
/// One DownloadResult per URL: the common timing fields, then Uri, Path, Bytes, StatusCode, ContentType,
/// Attempts, Status (Downloaded, Skipped or Failed), FirstByteSeconds (from the request to the response's
/// headers: the latency) and TransferSeconds (the body: its size over the bandwidth). A URL that fails is
/// written with Status Failed and reported as a non-terminating error with the result as its target; the
/// others go on. Pipe the results to Convert-ImageBatch to process the photos: its -Path binds to Path, and
/// failed downloads are left out.
/// </para>
/// <para>
/// Sequential, Thread and Pool mode make blocking HTTP calls on their threads, as the tutorial does with
/// requests; Async mode makes asynchronous calls that hold no thread while they wait; Process mode hands
/// each URL to a worker process. One HttpClient serves the whole batch (one per worker process), allowed as
/// many connections to a server as downloads run at once. Start-DemoImageServer serves photos on this
/// machine, with the latency and bandwidth of a slow site, for trying this without the internet.
/// </para>
/// </remarks>
[Cmdlet(VerbsCommon.Get, "ImageBatch", SupportsShouldProcess = true)]
[OutputType(typeof(DownloadResult))]
public sealed class GetImageBatchCommand : BatchCmdletBase
{
    // Every URL, from parameters or each pipeline record: the batch needs them all before it starts.
    private readonly List<string> _uris = [];

    /// <summary>
    /// The URLs of the images, http or https. Strings and System.Uri objects from the pipeline bind here, and
    /// so do objects with a Uri or Url property. Without -Uri and without pipeline input, the batch is the
    /// tutorial's fifteen photos from images.unsplash.com.
    /// </summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Url")]
    [ValidateNotNullOrEmpty]
    public string[]? Uri { get; set; }

    /// <summary>
    /// The folder the images are saved in, relative to the current PowerShell location; made when it does
    /// not exist. Default: images.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = "images";

    /// <summary>Downloads again and replaces files that exist; without it an existing file is skipped (Status Skipped).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// The longest wait, in seconds, for sending a request and receiving the response's headers (the server's
    /// latency included). 0 waits for ever. Default: 30.
    /// </summary>
    [Parameter]
    [Alias("TimeoutSec")]
    [ValidateRange(0, (int)DownloadSettings.MaxSeconds)]
    public int ConnectionTimeoutSeconds { get; set; } = (int)DownloadSettings.Default.ConnectionTimeoutSeconds;

    /// <summary>
    /// The longest wait, in seconds, for each read of a response's body, so that a body that stops arriving
    /// fails (and may be retried) rather than hanging. 0 waits for ever. Default: 30.
    /// </summary>
    [Parameter]
    [ValidateRange(0, (int)DownloadSettings.MaxSeconds)]
    public int OperationTimeoutSeconds { get; set; } = (int)DownloadSettings.Default.OperationTimeoutSeconds;

    /// <summary>
    /// How many times a download that failed in a transient way (a timeout, a broken connection, HTTP 408,
    /// 429, 500, 502, 503 or 504) is tried again. 0 tries each URL once. Default: 3.
    /// </summary>
    [Parameter]
    [ValidateRange(0, 100)]
    public int MaximumRetryCount { get; set; } = DownloadSettings.Default.MaximumRetryCount;

    /// <summary>
    /// The seconds to wait before the first retry; each further retry waits twice as long as the one before.
    /// A server's Retry-After header replaces the wait. Default: 1.
    /// </summary>
    [Parameter]
    [ValidateRange(0, (int)DownloadSettings.MaxSeconds)]
    public int RetryIntervalSec { get; set; } = (int)DownloadSettings.Default.RetryIntervalSeconds;

    /// <summary>
    /// The largest image accepted, in bytes: a larger Content-Length is refused before the body is read, and
    /// a body that grows past it is refused as it arrives. Default: 256 MB (268435456).
    /// </summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    public long MaximumBytes { get; set; } = DownloadSettings.DefaultMaximumBytes;

    protected override void ProcessRecord()
    {
        if (Uri is not null) _uris.AddRange(Uri);
    }

    /// <summary>The batch needs every URL before it starts, so it runs once all input has arrived.</summary>
    protected override void EndProcessing()
    {
        // Input that came but held no URL (an empty pipeline) is no batch; no input at all is the tutorial's.
        bool uriGiven = _uris.Count > 0;
        if (!uriGiven && MyInvocation.ExpectingInput) return;
        var uris = uriGiven ? _uris : DownloadWorkload.TutorialUris;
        string destination = new InputFileResolver(this).ResolveDestination(Destination);
        var plan = DownloadPlan.Create(uris, destination, CreateSettings(),
            refuse: (uri, problem) => WriteError(ErrorRecords.UriRefused(uri, problem)));
        // Asked once per file; what is declined is left out of the batch.
        var confirmed = plan.Items.Where(item => ShouldProcess(DescribeTarget(item), $"Download from {item.Uri}")).ToList();
        if (confirmed.Count == 0) return;
        if (File.Exists(destination))
            ThrowTerminatingError(ErrorRecords.DestinationUnusable(destination, $"The destination '{destination}' is a file, not a folder."));
        CreateDestination(destination);
        // Disposed however the run ends (Ctrl+C included): the batch's client closes and no temporary file stays.
        using var workload = new DownloadWorkload(plan with { Items = confirmed });
        RunBatch(workload);
    }

    /// <summary>Write-Progress counts the bytes of the files done, too.</summary>
    internal override long ProgressBytes(ItemResult result) => result is DownloadResult { Status: DownloadStatus.Downloaded } download ? download.Bytes : 0;

    /// <summary>A file whose extension comes with its content says so: "photo-1516117172878-fd2c41f4a759.*".</summary>
    private static string DescribeTarget(DownloadItem item) => item.ExtensionFromContent ? item.Path + ".*" : item.Path;

    /// <summary>The network settings; a value the engine refuses is reported against the parameter that gave it.</summary>
    private DownloadSettings CreateSettings()
    {
        try
        {
            return new DownloadSettings
            {
                ConnectionTimeoutSeconds = ConnectionTimeoutSeconds,
                OperationTimeoutSeconds = OperationTimeoutSeconds,
                MaximumRetryCount = MaximumRetryCount,
                RetryIntervalSeconds = RetryIntervalSec,
                MaximumBytes = MaximumBytes,
                Overwrite = Force.IsPresent,
            };
        }
        catch (InvalidSettingException ex)
        {
            string parameter = ex.Setting == nameof(DownloadSettings.RetryIntervalSeconds) ? nameof(RetryIntervalSec) : ex.Setting;
            ThrowTerminatingError(ErrorRecords.InvalidParameter(parameter, ex.Message, null));
            throw; // ThrowTerminatingError never returns; the compiler cannot know.
        }
    }
}
