using System.Management.Automation;
using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Messages;

namespace ConcurrencyDemo;

/// <summary>
/// Turns one run's engine events into PowerShell's streams. The engine calls it on the thread that called
/// BatchRunner.Run, which is the pipeline thread, the only one PowerShell lets write. Whatever a Write*
/// call throws (PipelineStoppedException after <c>Select-Object -First</c>) goes back to the engine, which
/// stops the run and rethrows it to the cmdlet.
/// </summary>
internal sealed class CmdletEventSink : IBatchEventSink
{
    private readonly Cmdlet _cmdlet;
    private readonly string _errorId;
    private readonly ProgressRecord _progress;

    public CmdletEventSink(Cmdlet cmdlet, ProgressRecord progress, string errorId = "ItemFailed")
    {
        _cmdlet = cmdlet;
        _progress = progress;
        _errorId = errorId;
    }

    public void OnEvent(BatchEvent batchEvent)
    {
        switch (batchEvent)
        {
            case ItemFinishedEvent finished:
                _cmdlet.WriteObject(finished.Result);
                if (!finished.Result.Success) _cmdlet.WriteError(ItemFailedRecord(finished.Result));
                break;
            case ItemLogEvent log:
                _cmdlet.WriteVerbose(BatchMessages.ItemLog(log));
                break;
            case ItemStartedEvent started:
                _cmdlet.WriteDebug(BatchMessages.ItemStarted(started));
                break;
            case WorkerStartedEvent worker:
                _cmdlet.WriteVerbose(BatchMessages.WorkerStarted(worker));
                break;
            case BatchProgressEvent progress:
                _progress.StatusDescription = BatchMessages.ProgressStatus(progress);
                _progress.PercentComplete = BatchMessages.PercentComplete(progress.Completed, progress.Total);
                _cmdlet.WriteProgress(_progress);
                break;
        }
    }

    /// <summary>Non-terminating: one failed item must not hide the timings of the others. The result is the target object, so $Error shows which item it was.</summary>
    private ErrorRecord ItemFailedRecord(ItemResult result) =>
        new(new ItemFailedException(BatchMessages.ItemFailed(result), result), _errorId, ErrorCategory.NotSpecified, result);
}
