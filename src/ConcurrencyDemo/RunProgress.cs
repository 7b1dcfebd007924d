using System.Management.Automation;
using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Messages;

namespace ConcurrencyDemo;

/// <summary>
/// One run's progress bar. Process mode pays for its workers before its first item, so until every worker
/// is ready the bar says how many are, instead of sitting at 0 %. Each record is new: a host, or a reader
/// of Streams.Progress, may keep the records it was given.
/// </summary>
internal sealed class RunProgress(RunStartedEvent run, string activity)
{
    private int _workersReady;
    private int _completed;
    private int _failed;
    private long _bytes;

    public void WorkerReady() => _workersReady++;

    /// <summary>Counts what a finished item brought, for work measured in bytes (downloads).</summary>
    public void ItemFinished(long bytes) => _bytes += bytes;

    public void ItemsDone(int completed, int failed)
    {
        _completed = completed;
        _failed = failed;
    }

    public ProgressRecord Record()
    {
        string status = _workersReady < run.WorkerProcesses
            ? BatchMessages.ProgressWorkersStarting(_workersReady, run.WorkerProcesses, _completed, run.ItemCount)
            : BatchMessages.ProgressStatus(_completed, run.ItemCount, _failed, _bytes);
        return new ProgressRecord(run.RunNumber, activity, status)
        {
            PercentComplete = BatchMessages.PercentComplete(_completed, run.ItemCount),
        };
    }

    public ProgressRecord Completed() =>
        new(run.RunNumber, activity, BatchMessages.ProgressStatus(_completed, run.ItemCount, _failed, _bytes))
        {
            RecordType = ProgressRecordType.Completed,
            PercentComplete = 100,
        };
}
