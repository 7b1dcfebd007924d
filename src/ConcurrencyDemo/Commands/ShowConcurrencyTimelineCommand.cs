using System.Management.Automation;
using ConcurrencyDemo.Rendering;
using ConcurrencyDemo.Timelines.Terminal;

namespace ConcurrencyDemo.Commands;

// The class's <summary> and <remarks>, and each parameter's <summary>, are the cmdlet's help (Get-Help):
// build/New-ModuleHelp.ps1 turns them into en-US/ConcurrencyDemo.dll-Help.xml, so they speak to the user.
/// <summary>
/// Draws each run in the results of the module's cmdlets as a timeline in the console: one row per worker,
/// time across the width, each item a bar from its start to its end.
/// </summary>
/// <remarks>
/// <para>
/// For each run (items with the same RunId): a title line with its mode, throttle limit, items and elapsed time;
/// a row per lane (a thread, a pool thread, a worker process or a task) with every item it ran as a bar
/// [label===] from the item's start to its end, labelled where the label fits (else its Index); ~~~ where a
/// worker was starting before its first item; [xxx] for a failed item; then an axis in seconds from the start of
/// the run. Each run has its own scale, across the console's width. A legend follows the last run.
/// </para>
/// <para>
/// The output is strings, so Out-File, Set-Content and Out-String take it. It is coloured through $PSStyle when
/// it goes straight to the console, and plain characters (the same chart) when it goes down a pipeline, when
/// pwsh's output is redirected, or when $PSStyle.OutputRendering is PlainText; OutputRendering Ansi always
/// colours it.
/// </para>
/// </remarks>
[Cmdlet(VerbsCommon.Show, "ConcurrencyTimeline")]
[OutputType(typeof(string))]
public sealed class ShowConcurrencyTimelineCommand : TimelineCmdletBase
{
    /// <summary>
    /// The width of the console to draw for, in characters; a line uses one less, so that it never wraps. Default:
    /// the console's width, or 80 where there is no console.
    /// </summary>
    [Parameter]
    [ValidateRange(TerminalChart.MinimumWidth, 1000)]
    public int Width { get; set; }

    protected override void EndProcessing()
    {
        var runs = CollectRuns();
        if (runs.Count == 0) return;
        int width = MyInvocation.BoundParameters.ContainsKey(nameof(Width)) ? Width : Math.Max(ConsoleTimelineStyle.ConsoleWidth(this), TerminalChart.MinimumWidth);
        foreach (string line in TerminalChart.Draw(runs, width, ConsoleTimelineStyle.For(this)))
            WriteObject(line);
    }
}
