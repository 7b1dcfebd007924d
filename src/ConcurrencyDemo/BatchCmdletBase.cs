using System.Management.Automation;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.WorkerProcesses;
using ConcurrencyDemo.Engine.Workloads;
using ConcurrencyDemo.Messages;
using ConcurrencyDemo.Workers;

namespace ConcurrencyDemo;

/// <summary>
/// What every batch cmdlet shares: the execution parameters and the loop that runs one batch per
/// requested mode on the pipeline thread. A derived cmdlet only gathers its input and builds a Workload.
/// </summary>
public abstract class BatchCmdletBase : PSCmdlet
{
    private readonly object _stopLock = new();
    private CancellationTokenSource? _currentRun;
    private bool _stopRequested;

    /// <summary>
    /// How the items run; several modes run one after another, each as a run of its own, so their
    /// timings can be compared. Sequential by default: it is the tutorial's baseline, and like
    /// ForEach-Object a PowerShell command only goes parallel when asked to.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public ExecutionMode[] Mode { get; set; } = [ExecutionMode.Sequential];

    /// <summary>The most items at once; 0 (the default) means the mode's own default.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int ThrottleLimit { get; set; }

    /// <summary>Output in input order (Python's Executor.map) instead of as items finish (as_completed).</summary>
    [Parameter]
    public SwitchParameter Ordered { get; set; }

    /// <summary>Runs <paramref name="workload"/> once per requested mode, writing one object per item as it is delivered.</summary>
    protected void RunBatches(Workload workload)
    {
        // Chosen before the first run, so that a bad worker setting stops the command before any output.
        var workerCommand = Mode.Contains(ExecutionMode.Process) ? ChooseWorkerCommand() : null;
        for (int run = 0; run < Mode.Length; run++)
            RunBatch(workload, Mode[run], run + 1, Mode.Length, workerCommand);
    }

    /// <summary>Ctrl+C: called on another thread while the pipeline thread is inside BatchRunner.Run.</summary>
    protected override void StopProcessing()
    {
        lock (_stopLock)
        {
            _stopRequested = true;
            _currentRun?.Cancel();
        }
    }

    private void RunBatch(Workload workload, ExecutionMode mode, int runNumber, int runCount, WorkerCommand? workerCommand)
    {
        var request = new BatchRequest
        {
            Workload = workload,
            Mode = mode,
            ThrottleLimit = ThrottleLimit,
            Ordered = Ordered.IsPresent,
            WorkerCommand = mode == ExecutionMode.Process ? workerCommand : null,
        };
        WriteVerbose(BatchMessages.RunStarting(mode, workload.Count, workload.Name, ThrottleLimits.Resolve(mode, ThrottleLimit, workload.Count)));

        var progress = new ProgressRecord(
            runNumber,
            BatchMessages.ProgressActivity(MyInvocation.MyCommand.Name, mode, runNumber, runCount),
            BatchMessages.ProgressStarting(workload.Count))
        {
            PercentComplete = 0,
        };
        WriteProgress(progress);

        RunSummary summary;
        using (var cancellation = new CancellationTokenSource())
        {
            lock (_stopLock)
            {
                if (_stopRequested) throw new PipelineStoppedException();
                _currentRun = cancellation;
            }
            try
            {
                summary = BatchRunner.Run(request, new CmdletEventSink(this, progress), cancellation.Token);
            }
            catch (OperationCanceledException) when (IsStopRequested)
            {
                // The engine has already woken the items and killed the workers. PipelineStoppedException is
                // how PowerShell itself ends a cmdlet that is being stopped: no error record, no stack trace.
                throw new PipelineStoppedException();
            }
            finally
            {
                lock (_stopLock) _currentRun = null;
            }
        }

        progress.RecordType = ProgressRecordType.Completed;
        progress.PercentComplete = 100;
        WriteProgress(progress);
        WriteVerbose(BatchMessages.RunFinished(summary));
    }

    private bool IsStopRequested
    {
        get { lock (_stopLock) return _stopRequested; }
    }

    private WorkerCommand ChooseWorkerCommand()
    {
        string? psHome = SessionState.PSVariable.GetValue("PSHOME") as string;
        ChosenWorker chosen;
        try
        {
            chosen = WorkerSelection.Choose(MachineFacts.Current, typeof(BatchCmdletBase).Assembly.Location, psHome);
        }
        catch (WorkerHostSettingException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "InvalidWorkerHostSetting", ErrorCategory.InvalidArgument, WorkerHostSetting.VariableName));
            throw; // ThrowTerminatingError never returns; the compiler cannot know.
        }
        WriteDebug(BatchMessages.WorkerChosen(chosen));
        return chosen.Command;
    }
}
