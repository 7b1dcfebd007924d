using System.Management.Automation;
using ConcurrencyDemo.IO;
using ConcurrencyDemo.Paths;
using ConcurrencyDemo.Timelines.Files;

namespace ConcurrencyDemo.Commands;

// The class's <summary> and <remarks>, and each parameter's <summary>, are the cmdlet's help (Get-Help):
// build/New-ModuleHelp.ps1 turns them into en-US/ConcurrencyDemo.dll-Help.xml, so they speak to the user.
/// <summary>
/// Writes the runs in the results of the module's cmdlets to a timeline file: a Chrome trace for Perfetto, an
/// SVG picture, or an HTML page with the picture and the runs compared.
/// </summary>
/// <remarks>
/// <para>
/// Trace (.json) is Chrome's Trace Event format, which https://ui.perfetto.dev and chrome://tracing open: one
/// process per run, one thread per lane, an event per item and per worker start-up, in microseconds from the
/// start of the run, with every field of the item as its arguments. Svg (.svg) stacks the runs on one shared time
/// axis, so that modes compare at a glance, with each item's fields as its tooltip. Html (.html) is a page with
/// the SVG and the Measure-ConcurrencyRun table. Both are self-contained: no script, no fonts or files from
/// elsewhere.
/// </para>
/// <para>
/// The format comes from -Format, else from the file's extension. As with Export-Csv, an existing file is
/// replaced unless -NoClobber is given, and -Force replaces a read-only one too. The file is written to a
/// temporary file beside it and renamed into place, so a failure never leaves half a file. -WhatIf says what
/// would be written.
/// </para>
/// </remarks>
[Cmdlet(VerbsData.Export, "ConcurrencyTimeline", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportConcurrencyTimelineCommand : TimelineCmdletBase
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>
    /// The file to write, relative to the current PowerShell location. A wildcard may name one existing file.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The file to write, every character taken as it is (no wildcards), for names with [ or ].</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = "";

    /// <summary>
    /// Trace (Chrome Trace Event JSON), Svg or Html. Default: from the file's extension, .json, .svg, or .html
    /// (.htm).
    /// </summary>
    [Parameter]
    public TimelineFileFormat Format { get; set; }

    /// <summary>Replaces the file even when it is read-only. An existing file is replaced anyway unless -NoClobber is given.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Leaves an existing file alone and reports an error instead of replacing it.</summary>
    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Writes the file (a FileInfo, as Get-Item gives it) to the pipeline once it is written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        string given = ParameterSetName == LiteralPathSet ? LiteralPath : Path;
        string path;
        try
        {
            path = OutputFileResolver.Resolve(this, given, literal: ParameterSetName == LiteralPathSet);
        }
        catch (Exception ex) when (ex is ArgumentException or ItemNotFoundException or System.Management.Automation.DriveNotFoundException
            or ProviderNotFoundException or NotSupportedException)
        {
            ThrowTerminatingError(ErrorRecords.OutputPathUnusable(given, ex.Message));
            return;
        }
        var format = MyInvocation.BoundParameters.ContainsKey(nameof(Format)) ? Format : TimelineFile.FormatFromExtension(path);
        if (format is not { } chosen)
        {
            ThrowTerminatingError(ErrorRecords.OutputPathUnusable(path,
                $"Cannot tell the format of '{path}' from its extension: use -Format Trace, Svg or Html, or a file name ending in {TimelineFile.KnownExtensions}."));
            return;
        }

        var runs = CollectRuns();
        if (runs.Count == 0)
        {
            WriteError(ErrorRecords.NoTimelineInput(path));
            return;
        }
        if (!ShouldProcess(path, $"Write the {chosen} timeline of {runs.Count} run(s)")) return;
        try
        {
            // A rename replaces a read-only file on Unix without asking, so Export-Csv's rule is kept here. With
            // -NoClobber any existing file is refused anyway, by the save below.
            if (!NoClobber && File.Exists(path) && File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly))
            {
                if (!Force) ThrowTerminatingError(ErrorRecords.OutputReadOnly(path));
                File.SetAttributes(path, File.GetAttributes(path) & ~FileAttributes.ReadOnly);
            }
            TimelineFile.Save(path, chosen, runs, overwrite: !NoClobber);
        }
        catch (FileExistsException)
        {
            ThrowTerminatingError(ErrorRecords.OutputExists(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(ErrorRecords.OutputWriteFailed(path, ex));
        }
        WriteVerbose($"Wrote the {chosen} timeline of {runs.Count} run(s) to {path}.");
        // As Get-Item gives it: with the provider's properties, so that it formats and pipes like any file.
        if (PassThru) WriteObject(InvokeProvider.Item.Get([path], force: false, literalPath: true), enumerateCollection: true);
    }
}
