using System.Management.Automation;
using ConcurrencyDemo.Commands;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Messages;

namespace ConcurrencyDemo;

/// <summary>
/// Turns the engine's events into PowerShell's streams: results to the output, failed items to the error
/// stream, item lines and run summaries to verbose, item starts to debug, and one progress bar per run.
/// The engine calls it on the thread that called BatchRunner.Run, which is the pipeline thread, the only one
/// PowerShell lets write. Whatever a Write* call throws (PipelineStoppedException after
/// <c>Select-Object -First</c>) goes back to the engine, which stops the run and rethrows it to the cmdlet.
/// </summary>
internal sealed class CmdletEventSink(BatchCmdletBase cmdlet) : IBatchEventSink
{
    private RunProgress? _progress;

    public void OnEvent(BatchEvent batchEvent)
    {
        switch (batchEvent)
        {
            case RunStartedEvent started:
                cmdlet.WriteVerboseLine(BatchMessages.RunStarting(started));
                _progress = new RunProgress(started, BatchMessages.ProgressActivity(cmdlet.MyInvocation.MyCommand.Name, started));
                cmdlet.WriteProgress(_progress.Record());
                break;
            case ItemFinishedEvent finished:
                _progress?.ItemFinished(cmdlet.ProgressBytes(finished.Result));
                cmdlet.WriteObject(finished.Result);
                if (!finished.Result.Success) cmdlet.WriteError(ErrorRecords.ItemFailed(finished.Result));
                break;
            case ItemLogEvent log:
                cmdlet.WriteVerboseLine(BatchMessages.ItemLog(log));
                break;
            case ItemStartedEvent started:
                cmdlet.WriteDebug(BatchMessages.ItemStarted(started));
                break;
            case WorkerStartedEvent worker:
                cmdlet.WriteVerboseLine(BatchMessages.WorkerStarted(worker));
                _progress?.WorkerReady();
                WriteProgress();
                break;
            case BatchProgressEvent progress:
                _progress?.ItemsDone(progress.Completed, progress.Failed);
                WriteProgress();
                break;
            case RunFinishedEvent finished:
                if (_progress is not null) cmdlet.WriteProgress(_progress.Completed());
                _progress = null;
                cmdlet.WriteVerboseLine(BatchMessages.RunFinished(finished.Summary));
                break;
        }
    }

    private void WriteProgress()
    {
        if (_progress is not null) cmdlet.WriteProgress(_progress.Record());
    }
}
