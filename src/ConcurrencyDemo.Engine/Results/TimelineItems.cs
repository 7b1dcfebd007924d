using ConcurrencyDemo.Timelines;

namespace ConcurrencyDemo.Engine.Results;

/// <summary>A result as the timeline draws it: its common fields, and every field in the results' one order for tooltips and trace arguments.</summary>
public static class TimelineItems
{
    public static TimelineItem From(ItemResult result) => new()
    {
        RunId = result.RunId,
        Workload = result.Workload,
        Mode = result.Mode.ToString(),
        ThrottleLimit = result.ThrottleLimit,
        Index = result.Index,
        Label = result.Label,
        StartSeconds = result.StartSeconds,
        EndSeconds = result.EndSeconds,
        DurationSeconds = result.DurationSeconds,
        Worker = result.Worker,
        WorkerStartSeconds = result.WorkerStartSeconds,
        WorkerReadySeconds = result.WorkerReadySeconds,
        ThreadId = result.ThreadId,
        ProcessId = result.ProcessId,
        WorkerHost = result.WorkerHost,
        Success = result.Success,
        Failure = result.Failure.ToString(),
        Error = result.Error,
        Fields = ResultProperties.InOrder(result.GetType()).Select(p => new TimelineField(p.Name, p.GetValue(result))).ToList(),
    };
}
