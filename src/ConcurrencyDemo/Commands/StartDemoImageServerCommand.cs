using System.Management.Automation;
using ConcurrencyDemo.Paths;
using ConcurrencyDemo.DemoSite;
using ConcurrencyDemo.PhotoSite;

namespace ConcurrencyDemo.Commands;

/// <summary>
/// Starts a photo site on this computer that behaves like a slow one on the internet. It is a web server on
/// 127.0.0.1 that serves the photos of a folder, or photo-like JPEGs it makes, waiting a latency before each
/// response and capping the bandwidth of each connection, so the download lesson needs no internet.
/// </summary>
/// <remarks>
/// <para>
/// The site listens on 127.0.0.1 only, on a free port unless -Port names one, and answers HTTP/1.1 with
/// keep-alive, Content-Length and HEAD: / is an index of the images, /images/&lt;name&gt; is an image, anything
/// else is 404. It runs in the background of this PowerShell session until Stop-DemoImageServer, Remove-Module
/// ConcurrencyDemo or the end of the session. Get-DemoImageServer lists the sites that are running.
/// </para>
/// <para>
/// The object written has the site's Port and BaseUri, the number of images (Count) and every image's URL in
/// its Uri property, so piping it to a command whose -Uri takes input by property name (Get-ImageBatch)
/// downloads every image. Generated photos are the same bytes every time (photo-01.jpg is always the same
/// picture for a given size), so downloads can be compared byte for byte.
/// </para>
/// <para>
/// A query string on an image URL makes that request misbehave, for trying out a downloader's error handling:
/// ?status=503&amp;times=2&amp;retryAfter=1 answers 503 with Retry-After: 1 to the first two requests of that URL
/// (without times, every request), ?drop=N cuts the connection after N bytes of the body, ?stall=N sends N bytes
/// and then nothing, ?html=1 sends a web page instead of the image, and ?latencyMs=L changes the latency of
/// that request. The headers always announce the whole image's length.
/// </para>
/// </remarks>
[Cmdlet(VerbsLifecycle.Start, "DemoImageServer", DefaultParameterSetName = GeneratedSet)]
[OutputType(typeof(DemoImageServerInfo))]
public sealed class StartDemoImageServerCommand : PSCmdlet
{
    private const string GeneratedSet = "Generated";
    private const string FolderSet = "Folder";

    /// <summary>
    /// A folder whose images the site serves (.jpg, .jpeg, .png, .gif and .webp files directly in it, sorted by
    /// name), relative to the current PowerShell location. Folders from Get-Item bind here by their FullName.
    /// Without -Path the site serves generated photos (-Count, -Width, -Height).
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = FolderSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>How many photos to generate, named photo-01.jpg, photo-02.jpg, and so on. Default: 15, the tutorial's batch.</summary>
    [Parameter(ParameterSetName = GeneratedSet)]
    [ValidateRange(1, DemoImageServerOptions.MaxCount)]
    public int Count { get; set; } = new DemoImageServerOptions().Count;

    /// <summary>The width of the generated photos, in pixels. Default: 1600.</summary>
    [Parameter(ParameterSetName = GeneratedSet)]
    [ValidateRange(1, DemoImageServerOptions.MaxDimension)]
    public int Width { get; set; } = new DemoImageServerOptions().Width;

    /// <summary>The height of the generated photos, in pixels. Default: 1067.</summary>
    [Parameter(ParameterSetName = GeneratedSet)]
    [ValidateRange(1, DemoImageServerOptions.MaxDimension)]
    public int Height { get; set; } = new DemoImageServerOptions().Height;

    /// <summary>
    /// How long every response waits before its first byte, in milliseconds, as a distant server's round trips
    /// and think time would. Default: 0. The written object says it in seconds (LatencySeconds).
    /// </summary>
    /// <remarks>In milliseconds, as latency is usually given, and as the CLI's --latency-ms and an image URL's ?latencyMs= take it.</remarks>
    [Parameter]
    [Alias("Latency")]
    [ValidateRange(0, 600_000)]
    public int LatencyMilliseconds { get; set; }

    /// <summary>
    /// The most bytes per second each connection gets for a response's body; 0, the default, is no cap.
    /// Connections have a cap each, as a server's uplink is rarely what limits a download: ten downloads at
    /// once take about as long as one.
    /// </summary>
    [Parameter]
    [ValidateRange(0L, long.MaxValue)]
    public long BytesPerSecond { get; set; }

    /// <summary>The port on 127.0.0.1 to listen on. Default: 0, any free port.</summary>
    [Parameter]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    protected override void ProcessRecord()
    {
        string? folder = null;
        if (ParameterSetName == FolderSet && (folder = ResolveFolder(Path)) is null) return;
        var options = new DemoImageServerOptions
        {
            FolderPath = folder,
            Count = Count,
            Width = Width,
            Height = Height,
            Latency = TimeSpan.FromMilliseconds(LatencyMilliseconds),
            BytesPerSecond = BytesPerSecond,
            Port = Port,
        };
        WriteVerbose(folder is not null
            ? $"Reading the images of {folder}."
            : $"Making {Count} photos of {Width}x{Height} pixels.");

        DemoImageServer server;
        try
        {
            server = DemoImageServer.Start(options);
        }
        catch (InvalidServerOptionException ex)
        {
            // One site per pipeline record: a bad folder must not stop the next one from starting.
            WriteError(ErrorRecords.InvalidParameter(ParameterOf(ex.Option), ex.Message, ex.Option == nameof(options.FolderPath) ? Path : Port));
            return;
        }
        var info = new DemoImageServerInfo(server, folder ?? $"Generated {Width}x{Height}");
        DemoImageServerRegistry.Add(info);
        WriteVerbose($"Serving {info.Count} images at {info.BaseUri} until Stop-DemoImageServer -Port {info.Port}.");
        WriteObject(info);
    }

    /// <summary>
    /// Relative to the PowerShell location, not the process's current directory; the site checks it is a folder.
    /// Null, with the error written, for a path that is not on the file system.
    /// </summary>
    private string? ResolveFolder(string path)
    {
        try
        {
            return FileSystemPath.ResolveLiteral(this, path, ", not a folder of the file system");
        }
        catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException
            or ProviderNotFoundException or NotSupportedException or ArgumentException)
        {
            WriteError(ErrorRecords.InvalidParameter(nameof(Path), ex.Message, path));
            return null;
        }
    }

    private static string ParameterOf(string option) => option switch
    {
        nameof(DemoImageServerOptions.FolderPath) => nameof(Path),
        nameof(DemoImageServerOptions.Latency) => nameof(LatencyMilliseconds),
        _ => option,
    };
}
