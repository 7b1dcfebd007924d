using System.Management.Automation;
using ConcurrencyDemo.Engine.Workloads.Convert;
using ConcurrencyDemo.Engine.Workloads.Download;
using ConcurrencyDemo.Imaging.Formats;
using ConcurrencyDemo.Imaging.Pipeline;
using ConcurrencyDemo.Paths;

namespace ConcurrencyDemo.Commands;

// The class's <summary> and <remarks>, and each parameter's <summary>, are the cmdlet's help (Get-Help):
// build/New-ModuleHelp.ps1 turns them into en-US/ConcurrencyDemo.dll-Help.xml, so they speak to the user.

/// <summary>
/// Blurs and shrinks a batch of photos, in one or more execution modes, and writes how long each photo took
/// and where its time went. This is CPU-bound work: each photo keeps a processor busy while it is decoded,
/// blurred, thumbnailed and encoded, so running photos at once helps only up to the number of processors.
/// </summary>
/// <remarks>
/// <para>
/// Each photo is the tutorial's work: open it, GaussianBlur(15), thumbnail((1200, 1200)), save it as a JPEG of
/// quality 75, with the project's own imaging code, which gives the same pixels as Pillow. The output is
/// written to -Destination under the input's name with the output format's extension, first to a temporary
/// file that is renamed into place only when whole, so a failure or Ctrl+C never leaves a partial image.
/// </para>
/// <para>
/// In .NET, unlike CPython, threads run this work on every processor at once: Thread and Pool mode with a
/// throttle limit of the number of processors finish in about the time of the busiest processor. Process mode
/// gets no more than that and adds each worker's start-up; Async mode runs the photos as tasks on the .NET
/// thread pool, which helps CPU-bound work no more than threads do. Every mode writes the same bytes.
/// </para>
/// <para>
/// One ConvertResult per photo: the common timing fields, the input and output paths, sizes in pixels and
/// bytes, and the seconds of each stage (read, decode, blur, thumbnail, encode, write). A photo that cannot be
/// converted (not an image, corrupt, cut off, an output that exists without -Force) is written with Success
/// False and reported as a non-terminating error with the photo as its target; the others still convert.
/// -Verbose ends each run with a summary that includes the peak memory of the process and its workers.
/// </para>
/// </remarks>
[Cmdlet(VerbsData.Convert, "ImageBatch", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(ConvertResult))]
public sealed class ConvertImageBatchCommand : BatchCmdletBase
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    // Every input, from parameters or each pipeline record: the batch needs them all before it starts.
    private readonly List<string> _inputs = [];
    private InputFileResolver? _resolver;

    /// <summary>
    /// The photos to convert. Wildcards are expanded (*.jpg), and relative paths start from the current
    /// PowerShell location. Strings and the Path property of objects from the pipeline bind here.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>
    /// The photos to convert, every character taken as it is (no wildcards), for names with [ or ]. Files from
    /// Get-ChildItem bind here by their PSPath, and objects with a FullName or LiteralPath property too.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>
    /// The folder the converted photos are written to, relative to the current PowerShell location; made when
    /// it does not exist. Default: processed.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = "processed";

    /// <summary>The Gaussian blur radius in pixels, as Pillow's GaussianBlur(radius); 0 skips the blur. Default: 15.</summary>
    [Parameter]
    public float BlurRadius { get; set; } = PhotoConversionOptions.Default.BlurRadius;

    /// <summary>
    /// The largest width and height of the output, keeping the aspect ratio and never enlarging, as Pillow's
    /// thumbnail((MaxSize, MaxSize)); 0 keeps the size. Default: 1200.
    /// </summary>
    [Parameter]
    public int MaxSize { get; set; } = PhotoConversionOptions.Default.MaxSize;

    /// <summary>The JPEG quality, 1 to 100 (ignored for PNG). Default: 75, Pillow's.</summary>
    [Parameter]
    public int Quality { get; set; } = PhotoConversionOptions.Default.Quality;

    /// <summary>The format written: Jpeg (.jpg) or Png (.png). Default: Jpeg.</summary>
    [Parameter]
    [ValidateSet("Jpeg", "Png", IgnoreCase = true)]
    public string Format { get; set; } = "Jpeg";

    /// <summary>Turns each photo upright by its EXIF orientation before the blur (Pillow does not by default).</summary>
    [Parameter]
    public SwitchParameter AutoOrient { get; set; }

    /// <summary>Replaces outputs that already exist; without it such a photo fails and the others still convert.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// The Status of a Get-ImageBatch result piped in (Downloaded, Skipped or Failed), bound by property name:
    /// a download that failed is left out, since Get-ImageBatch reported it already and there is no file, and
    /// the Path of a download is taken literally, since it names one file.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? Status { get; set; }

    protected override void BeginProcessing() => _resolver = new InputFileResolver(this);

    protected override void ProcessRecord()
    {
        bool fromDownload = Status is not null;
        if (string.Equals(Status, nameof(DownloadStatus.Failed), StringComparison.OrdinalIgnoreCase))
        {
            WriteVerboseLine($"Leaving out '{string.Join("', '", Path)}': its download failed.");
            return;
        }
        bool literal = ParameterSetName == LiteralPathSet || fromDownload;
        foreach (string path in ParameterSetName == LiteralPathSet ? LiteralPath : Path)
            _inputs.AddRange(_resolver!.Resolve(path, literal, WriteError));
    }

    /// <summary>The batch needs every photo before it starts, so it runs once all input has arrived.</summary>
    protected override void EndProcessing()
    {
        var options = CreateOptions();
        string destination = _resolver!.ResolveDestination(Destination);
        var plan = ConvertPlan.Create(_inputs, destination, options, Force.IsPresent,
            refuse: (input, problem) => WriteError(ErrorRecords.InputRefused(input, problem)));
        // Asked once per output file; what is declined is left out of the batch.
        var confirmed = plan.Items.Where(item => ShouldProcess(item.OutputPath, $"Convert from {item.InputPath}")).ToList();
        if (confirmed.Count == 0) return;
        CreateDestination(destination);
        RunBatch(new ConvertWorkload(plan with { Items = confirmed }));
    }

    /// <summary>The imaging options, each checked where it is set; a refused one names its parameter.</summary>
    private PhotoConversionOptions CreateOptions()
    {
        try
        {
            return PhotoConversionOptions.Default with
            {
                BlurRadius = BlurRadius,
                MaxSize = MaxSize,
                Quality = Quality,
                OutputFormat = Enum.Parse<ImageFormat>(Format, ignoreCase: true),
                ApplyOrientation = AutoOrient.IsPresent,
            };
        }
        catch (InvalidOptionException ex)
        {
            // PhotoConversionOptions names each option as this cmdlet names its parameter (OutputFormat is -Format).
            string parameter = ex.ParamName == nameof(PhotoConversionOptions.OutputFormat) ? nameof(Format) : ex.ParamName ?? nameof(BlurRadius);
            ThrowTerminatingError(ErrorRecords.InvalidParameter(parameter, ex.Message, ex.ActualValue));
            throw; // ThrowTerminatingError never returns; the compiler cannot know.
        }
    }
}
