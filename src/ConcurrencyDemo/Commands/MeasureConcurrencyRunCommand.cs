using System.Management.Automation;
using ConcurrencyDemo.Timelines.Measuring;

namespace ConcurrencyDemo.Commands;

// The class's <summary> and <remarks>, and each parameter's <summary>, are the cmdlet's help (Get-Help):
// build/New-ModuleHelp.ps1 turns them into en-US/ConcurrencyDemo.dll-Help.xml, so they speak to the user.
/// <summary>
/// Measures each run in the results of the module's cmdlets: how long it took, how much work its items did,
/// how many ran at once, and how much faster it was than doing the same one item after another.
/// </summary>
/// <remarks>
/// <para>
/// Writes one RunMeasurement per run (items with the same RunId), in the order the runs came. ElapsedSeconds runs
/// from the first item's start, or the first worker's start-up when that came earlier, to the last item's end.
/// WorkSeconds adds up the items' own durations: what one worker alone would have needed. AverageConcurrency is
/// WorkSeconds divided by ElapsedSeconds; PeakConcurrency is the most items that ran at one instant.
/// </para>
/// <para>
/// SpeedUp compares the run with the Sequential run of the same workload and number of items when the input has
/// one: the Sequential run's ElapsedSeconds over this run's (SpeedUpBaseline is Sequential). Without one it is
/// the run's own WorkSeconds over its ElapsedSeconds (SpeedUpBaseline is WorkSeconds). Lanes, Threads and
/// Processes count the workers, threads and processes the items ran on, and WorkerStartupSeconds is the longest
/// any worker took from being asked for to being ready: the price of a worker process.
/// </para>
/// <para>
/// The input may also be the rows Import-Csv reads from an Export-Csv of results, so runs saved yesterday can
/// be measured today. The default view is a table per workload; Format-List * shows every figure.
/// </para>
/// </remarks>
[Cmdlet(VerbsDiagnostic.Measure, "ConcurrencyRun")]
[OutputType(typeof(RunMeasurement))]
public sealed class MeasureConcurrencyRunCommand : TimelineCmdletBase
{
    protected override void EndProcessing()
    {
        foreach (var measurement in RunMeasurer.Measure(CollectRuns()))
            WriteObject(measurement);
    }
}
