using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>
/// The front end's side of one run, on the pump thread: puts results in input order when asked,
/// adds progress, and keeps what the summary needs.
/// </summary>
internal sealed class RunDelivery
{
    private readonly RunContext _run;
    private readonly IBatchEventSink _sink;
    private readonly List<ItemResult> _results = [];
    private readonly SortedDictionary<int, ItemFinishedEvent> _waitingForOrder = [];
    private int _nextInOrder;
    private int _failed;

    public RunDelivery(RunContext run, IBatchEventSink sink)
    {
        _run = run;
        _sink = sink;
    }

    public void Deliver(BatchEvent batchEvent)
    {
        if (batchEvent is not ItemFinishedEvent finished)
        {
            _sink.OnEvent(batchEvent);
            return;
        }

        _results.Add(finished.Result);
        if (!finished.Result.Success) _failed++;
        if (_run.Request.Ordered)
        {
            _waitingForOrder[finished.Result.Index] = finished;
            while (_waitingForOrder.Remove(_nextInOrder, out var next))
            {
                _sink.OnEvent(next);
                _nextInOrder++;
            }
        }
        else
        {
            _sink.OnEvent(finished);
        }
        _sink.OnEvent(new BatchProgressEvent
        {
            RunId = _run.RunId,
            Seconds = finished.Seconds,
            Mode = _run.Mode,
            Completed = _results.Count,
            Total = _run.Count,
            Failed = _failed,
        });
    }

    public RunSummary Summarize(long endTimestamp) => new()
    {
        RunId = _run.RunId,
        Workload = _run.Workload.Name,
        Mode = _run.Mode,
        ThrottleLimit = _run.ThrottleLimit,
        ItemCount = _run.Count,
        Succeeded = _results.Count - _failed,
        Failed = _failed,
        ElapsedSeconds = _run.SecondsAt(endTimestamp),
        ItemSeconds = _results.Sum(r => r.DurationSeconds),
        PeakConcurrency = Timeline.PeakConcurrency(_results),
        WorkerCount = _results.Select(r => r.Worker).Distinct().Count(),
        MaxWorkerStartupSeconds = _results.Count == 0 ? 0 : _results.Max(r => r.WorkerReadySeconds - r.WorkerStartSeconds),
        PeakWorkingSetBytes = _run.Memory.PeakWorkingSetBytes,
        PeakWorkerWorkingSetBytes = _run.Memory.PeakWorkerWorkingSetBytes,
    };
}
