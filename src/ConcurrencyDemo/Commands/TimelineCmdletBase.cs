using System.Management.Automation;
using ConcurrencyDemo.Results;
using ConcurrencyDemo.Timelines;

namespace ConcurrencyDemo.Commands;

/// <summary>
/// What the cmdlets that measure and draw runs share: they take results from the pipeline (any cmdlet's of the
/// module, or Import-Csv rows of them), read each by the common property names, and act once all have come,
/// since a run is only whole at the end.
/// </summary>
public abstract class TimelineCmdletBase : PSCmdlet
{
    private readonly List<TimelineItem> _items = [];

    // The <summary> below is the parameter's description in the help of every cmdlet derived from this class.

    /// <summary>
    /// The results to use, usually from the pipeline: what Invoke-SleepDemo, Convert-ImageBatch and the module's
    /// other cmdlets write, or the rows Import-Csv reads back from an Export-Csv of them. Each is read by the
    /// results' common property names (RunId, StartSeconds, EndSeconds, Worker, ...); items with the same RunId
    /// are one run. An object without them is reported as a non-terminating error and left out.
    /// </summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject[] InputObject { get; set; } = [];

    protected override void ProcessRecord()
    {
        foreach (var input in InputObject)
        {
            if (input is null) continue;
            var item = TimelineItemReader.Read(input, out string problem);
            if (item is null) WriteError(ErrorRecords.InvalidTimelineInput(input, MyInvocation.MyCommand.Name, problem));
            else _items.Add(item);
        }
    }

    /// <summary>Every item read so far, as runs in the order their first item came.</summary>
    protected IReadOnlyList<TimelineRun> CollectRuns() => TimelineRun.Group(_items);
}
