using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.WorkerProcesses;

namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>What every execution strategy of one run shares: the workload, the clock, the pump and the cancellation.</summary>
internal sealed class RunContext
{
    public RunContext(string runId, BatchRequest request, ExecutionMode mode, int throttleLimit, long startTimestamp, EventPump pump, CancellationToken cancellationToken)
    {
        RunId = runId;
        Request = request;
        Mode = mode;
        ThrottleLimit = throttleLimit;
        StartTimestamp = startTimestamp;
        Pump = pump;
        CancellationToken = cancellationToken;
    }

    public string RunId { get; }
    public BatchRequest Request { get; }
    public Workload Workload => Request.Workload;
    public ExecutionMode Mode { get; }
    public int ThrottleLimit { get; }
    public int Count => Request.Workload.Count;
    public long StartTimestamp { get; }
    public EventPump Pump { get; }

    /// <summary>Where the run's memory is measured; the Process strategy adds its workers.</summary>
    public MemorySampler Memory { get; } = new();
    public CancellationToken CancellationToken { get; }

    public double SecondsAt(long timestamp) => MonotonicClock.SecondsBetween(StartTimestamp, timestamp);

    /// <summary>Runs one item on this thread and posts its events.</summary>
    public void RunItem(int index, WorkerLane lane)
    {
        var result = Begin(index, lane, out var context);
        ItemExecution.Run(Workload, index, result, context);
        Finish(result);
    }

    /// <summary>Runs one item as a task and posts its events; no thread is held while it waits.</summary>
    public async Task RunItemAsync(int index, WorkerLane lane)
    {
        var result = Begin(index, lane, out var context);
        await ItemExecution.RunAsync(Workload, index, result, context).ConfigureAwait(false);
        Finish(result);
    }

    /// <summary>The fields every result has, filled in from where and when the item ran.</summary>
    public void Stamp(ItemResult result, int index, WorkerLane lane, long startTimestamp, long endTimestamp, int threadId, int processId, string workerHost)
    {
        result.RunId = RunId;
        result.Workload = Workload.Name;
        result.Mode = Mode;
        result.ThrottleLimit = ThrottleLimit;
        result.Index = index;
        result.Label = Workload.GetLabel(index);
        result.StartSeconds = SecondsAt(startTimestamp);
        result.EndSeconds = SecondsAt(endTimestamp);
        result.DurationSeconds = MonotonicClock.SecondsBetween(startTimestamp, endTimestamp);
        result.Worker = lane.Name;
        result.WorkerStartSeconds = SecondsAt(lane.StartTimestamp);
        result.WorkerReadySeconds = SecondsAt(lane.ReadyTimestamp);
        result.ThreadId = threadId;
        result.ProcessId = processId;
        result.WorkerHost = workerHost;
    }

    public void PostStarted(int index, WorkerLane lane, long timestamp) =>
        Pump.Post(new ItemStartedEvent { RunId = RunId, Seconds = SecondsAt(timestamp), Index = index, Label = Workload.GetLabel(index), Worker = lane.Name });

    public void PostLog(int index, WorkerLane lane, string message) =>
        Pump.Post(new ItemLogEvent { RunId = RunId, Seconds = SecondsAt(MonotonicClock.Now), Index = index, Worker = lane.Name, Message = message });

    public void PostFinished(ItemResult result) =>
        Pump.Post(new ItemFinishedEvent { RunId = RunId, Seconds = result.EndSeconds, Result = result });

    private ItemResult Begin(int index, WorkerLane lane, out ItemContext context)
    {
        var result = Workload.CreateResult(index);
        long start = MonotonicClock.Now;
        // Stamped now so that a failure keeps where and when it began; the end is stamped in Finish.
        Stamp(result, index, lane, start, start, Environment.CurrentManagedThreadId, Environment.ProcessId, WorkerHostKind.InProcess);
        PostStarted(index, lane, start);
        context = new ItemContext(index, CancellationToken, message => PostLog(index, lane, message));
        return result;
    }

    private void Finish(ItemResult result)
    {
        result.EndSeconds = SecondsAt(MonotonicClock.Now);
        result.DurationSeconds = result.EndSeconds - result.StartSeconds;
        PostFinished(result);
    }
}
