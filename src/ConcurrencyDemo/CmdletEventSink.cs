using System.Management.Automation;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Messages;

namespace ConcurrencyDemo;

/// <summary>
/// Turns one run's engine events into PowerShell's streams, progress bar included. The engine calls it on the
/// thread that called BatchRunner.Run, which is the pipeline thread, the only one PowerShell lets write.
/// Whatever a Write* call throws (PipelineStoppedException after <c>Select-Object -First</c>) goes back to the
/// engine, which stops the run and rethrows it to the cmdlet.
/// </summary>
internal sealed class CmdletEventSink : IBatchEventSink
{
    private readonly BatchCmdletBase _cmdlet;
    private readonly string _errorId;
    private readonly int _activityId;
    private readonly string _activity;
    private readonly int _itemCount;
    // Process mode only: until every worker is ready, the bar says so instead of sitting at 0 %.
    private readonly int _workersExpected;
    private int _workersReady;
    private int _completed;
    private int _failed;

    public CmdletEventSink(BatchCmdletBase cmdlet, int activityId, string activity, ExecutionMode mode, int itemCount, int throttleLimit, string errorId = "ItemFailed")
    {
        _cmdlet = cmdlet;
        _activityId = activityId;
        _activity = activity;
        _itemCount = itemCount;
        _workersExpected = mode == ExecutionMode.Process ? Math.Min(throttleLimit, itemCount) : 0;
        _errorId = errorId;
    }

    /// <summary>The first progress record of the run, before any event.</summary>
    public void Begin() => WriteProgress();

    /// <summary>Takes the run's bar down.</summary>
    public void Complete() =>
        _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, BatchMessages.ProgressStatus(_completed, _itemCount, _failed))
        {
            RecordType = ProgressRecordType.Completed,
            PercentComplete = 100,
        });

    public void OnEvent(BatchEvent batchEvent)
    {
        switch (batchEvent)
        {
            case ItemFinishedEvent finished:
                _cmdlet.WriteObject(finished.Result);
                if (!finished.Result.Success) _cmdlet.WriteError(ItemFailedRecord(finished.Result));
                break;
            case ItemLogEvent log:
                _cmdlet.WriteVerboseLine(BatchMessages.ItemLog(log));
                break;
            case ItemStartedEvent started:
                _cmdlet.WriteDebug(BatchMessages.ItemStarted(started));
                break;
            case WorkerStartedEvent worker:
                _workersReady++;
                _cmdlet.WriteVerboseLine(BatchMessages.WorkerStarted(worker));
                WriteProgress();
                break;
            case BatchProgressEvent progress:
                _completed = progress.Completed;
                _failed = progress.Failed;
                WriteProgress();
                break;
        }
    }

    /// <summary>A new record each time: a host or a Streams.Progress reader may keep the ones it was given.</summary>
    private void WriteProgress()
    {
        bool workersStarting = _workersReady < _workersExpected;
        string status = workersStarting
            ? BatchMessages.ProgressWorkersStarting(_workersReady, _workersExpected, _completed, _itemCount)
            : BatchMessages.ProgressStatus(_completed, _itemCount, _failed);
        _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status)
        {
            PercentComplete = BatchMessages.PercentComplete(_completed, _itemCount),
        });
    }

    /// <summary>Non-terminating: one failed item must not hide the timings of the others. The result is the target object, so $Error shows which item it was.</summary>
    private ErrorRecord ItemFailedRecord(ItemResult result) =>
        new(new ItemFailedException(BatchMessages.ItemFailed(result), result), _errorId, ErrorCategory.NotSpecified, result);
}
