using System.Management.Automation;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Workloads.Sleep;

namespace ConcurrencyDemo.Commands;

// The class's <summary> and <remarks>, and each parameter's <summary>, are the cmdlet's help (Get-Help):
// build/New-ModuleHelp.ps1 turns them into en-US/ConcurrencyDemo.dll-Help.xml, so they speak to the user.
/// <summary>
/// Runs a batch of items that only sleep, in one or more execution modes, and writes when each item started and
/// ended. Sleeping stands for I/O-bound work such as a download: the item waits and needs no processor, so
/// waiting items can overlap. Ten one-second sleeps take about ten seconds one after another (Sequential) and
/// about one second when every item has a thread of its own (Thread) or is a task (Async).
/// </summary>
/// <remarks>
/// <para>
/// Each mode given to -Mode is a run of its own, one after another, so one command compares the modes. Every
/// item writes one SleepResult: when it started and ended (StartSeconds and EndSeconds, counted from the start
/// of its run), which worker ran it (a thread, a pool thread, a worker process or a task), its ThreadId and
/// ProcessId, and when that worker was asked for and when it was ready (WorkerStartSeconds and
/// WorkerReadySeconds), which shows what starting a thread or a process costs. The default view is one table
/// per run; Format-List * shows every property, and Export-Csv keeps them for a spreadsheet.
/// </para>
/// <para>
/// The items start once all input has arrived. Results are written as items finish, or in input order with
/// -Ordered. A failed item is still written (Success is False and Error says why) and is also reported as a
/// non-terminating error. Ctrl+C, or Select-Object -First, stops the run: sleeping items wake up and worker
/// processes are ended.
/// </para>
/// <para>
/// -Verbose shows each item's own messages, when each worker process was ready, and a summary of every run;
/// -Debug also shows when each item started and the command line of the worker processes. about_ConcurrencyDemo
/// explains what each mode teaches.
/// </para>
/// </remarks>
[Cmdlet(VerbsLifecycle.Invoke, "SleepDemo")]
[OutputType(typeof(SleepResult))]
public sealed class InvokeSleepDemoCommand : BatchCmdletBase
{
    // Every -Seconds value, from the parameter or from each pipeline record: the batch needs them all first.
    private readonly List<double> _seconds = [];

    /// <summary>
    /// How many items to run when -Seconds is a single value or is left out; each item sleeps that long. With
    /// several -Seconds values, or values from the pipeline, every value is an item of its own and -Count
    /// cannot be used.
    /// </summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Count { get; set; } = SleepWorkload.DefaultCount;

    /// <summary>
    /// How long an item sleeps, in seconds; fractions such as 0.5 are allowed. One value: each of the -Count
    /// items sleeps that long. Several values (-Seconds 5, 4, 3, 2, 1), or numbers from the pipeline: one item
    /// per value, in that order. Left out: every item sleeps one second.
    /// </summary>
    /// <remarks>
    /// Objects with a SleepSeconds property bind too, so earlier results, or the rows Import-Csv reads back
    /// from an Export-Csv of them, run the same sleeps again.
    /// </remarks>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SleepSeconds")]
    [ValidateNotNullOrEmpty]
    [ValidateRange(0.0, SleepWorkload.MaxSeconds)]
    public double[]? Seconds { get; set; }

    /// <summary>
    /// Cuts each item's sleep into this many equal steps and writes a verbose line at the start of each, like the
    /// tutorial's two threads that print "Number : 0", "Letter : A", ... in turn: -Seconds 10 -Steps 5 sleeps five
    /// steps of two seconds. With -Verbose the lines of items that run at once interleave. Default: 1, one sleep
    /// with no step lines.
    /// </summary>
    [Parameter]
    [ValidateRange(1, SleepWorkload.MaxSteps)]
    public int Steps { get; set; } = 1;

    protected override void ProcessRecord()
    {
        if (Seconds is not null) _seconds.AddRange(Seconds);
    }

    /// <summary>The batch needs every item before it starts, so it runs once all input has arrived.</summary>
    protected override void EndProcessing() => RunBatch(CreateWorkload());

    /// <summary>
    /// The engine's rule turns -Count and -Seconds into items; values from the pipeline are one item each,
    /// like several values typed as a parameter.
    /// </summary>
    private SleepWorkload CreateWorkload()
    {
        bool countGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Count));
        try
        {
            return SleepWorkload.FromInput(countGiven ? Count : null, _seconds, valuesAreItems: MyInvocation.ExpectingInput, steps: Steps);
        }
        catch (InvalidSettingException ex)
        {
            (string parameter, object target) = ex.Setting switch
            {
                SleepWorkload.CountSetting => (nameof(Count), (object)Count),
                SleepWorkload.StepsSetting => (nameof(Steps), Steps),
                _ => (nameof(Seconds), _seconds.ToArray()),
            };
            ThrowTerminatingError(ErrorRecords.InvalidParameter(parameter, ex.Message, target));
            throw; // ThrowTerminatingError never returns; the compiler cannot know.
        }
    }
}
