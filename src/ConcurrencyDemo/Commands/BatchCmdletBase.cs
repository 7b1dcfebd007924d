using System.Management.Automation;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.WorkerProcesses;
using ConcurrencyDemo.Messages;
using ConcurrencyDemo.Workers;

namespace ConcurrencyDemo.Commands;

/// <summary>
/// What every batch cmdlet shares: the execution parameters and the loop that runs one batch per
/// requested mode on the pipeline thread. A derived cmdlet only gathers its input and builds a Workload.
/// </summary>
public abstract class BatchCmdletBase : PSCmdlet
{
    private readonly object _stopLock = new();
    private CancellationTokenSource? _currentRun;
    private bool _stopRequested;

    // The <summary> of each parameter below is its description in the help of every cmdlet derived from this class.

    // Sequential by default: it is the tutorial's baseline, and like ForEach-Object a PowerShell command only
    // goes parallel when asked to.
    /// <summary>
    /// How the items run. Several modes run one after another, each as a run of its own with its own RunId, so
    /// that one command compares them. Sequential, the default, is the baseline.
    /// <list type="bullet">
    /// <item><term>Sequential</term><description>one item after another, on one thread.</description></item>
    /// <item><term>Thread</term><description>a new thread for every item.</description></item>
    /// <item><term>Pool</term><description>a fixed number of threads (-ThrottleLimit), each taking the next item when it is free.</description></item>
    /// <item><term>Process</term><description>worker processes started for the run, each running one item at a time.</description></item>
    /// <item><term>Async</term><description>every item is a task, which holds no thread while it waits.</description></item>
    /// </list>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public ExecutionMode[] Mode { get; set; } = [ExecutionMode.Sequential];

    /// <summary>
    /// The most items that run at once. 0, the default, means the mode's own limit: every item at once in
    /// Thread and Async mode; min(32, processors + 4) threads in Pool mode, the default of Python's
    /// ThreadPoolExecutor; one worker process per processor in Process mode. Sequential mode always runs one
    /// item at a time. With more items than the limit the items run in rounds: 10 items with a limit of 6
    /// take two rounds.
    /// </summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int ThrottleLimit { get; set; }

    /// <summary>
    /// Writes the results in input order (Index 0, 1, 2, ...), as Python's Executor.map returns them, instead
    /// of as each item finishes, as as_completed does. The items still run at the same time; a result that is
    /// ready early waits until every earlier one has been written.
    /// </summary>
    [Parameter]
    public SwitchParameter Ordered { get; set; }

    /// <summary>
    /// A verbose line, or a debug line under -Debug without -Verbose: PowerShell 7 gives a compiled cmdlet run
    /// with -Debug alone a VerbosePreference of Inquire, which asks at every verbose line and fails where it
    /// cannot ask (pwsh -NonInteractive, redirected input). -Debug shows debug lines without asking.
    /// </summary>
    internal void WriteVerboseLine(string text)
    {
        // The bound parameters do not change while the command runs: decided at the first line.
        _verboseAsDebug ??= MyInvocation.BoundParameters.TryGetValue("Debug", out var debug)
            && debug is SwitchParameter { IsPresent: true } && !MyInvocation.BoundParameters.ContainsKey("Verbose");
        if (_verboseAsDebug.Value) WriteDebug(text);
        else WriteVerbose(text);
    }

    private bool? _verboseAsDebug;

    /// <summary>The bytes a finished item adds to the progress bar's count; 0 for work that is not measured in bytes.</summary>
    internal virtual long ProgressBytes(ItemResult result) => 0;

    /// <summary>Makes the folder the batch writes into when it is missing; one that cannot be made ends the command.</summary>
    protected void CreateDestination(string destination)
    {
        try
        {
            Directory.CreateDirectory(destination);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(ErrorRecords.DestinationUnusable(destination, $"Cannot create the destination folder '{destination}': {ex.Message}"));
        }
    }

    /// <summary>
    /// Runs <paramref name="workload"/> once per requested mode. The engine runs the modes one after another
    /// and hands every event, results included, to the sink on this (the pipeline) thread.
    /// </summary>
    protected void RunBatch(Workload workload)
    {
        var request = new BatchRequest
        {
            Workload = workload,
            Modes = Mode,
            ThrottleLimit = ThrottleLimit,
            Ordered = Ordered.IsPresent,
            // Chosen before the first run, so that a bad worker setting stops the command before any output.
            WorkerCommand = Mode.Contains(ExecutionMode.Process) ? ChooseWorkerCommand() : null,
        };
        var sink = new CmdletEventSink(this);
        using var cancellation = new CancellationTokenSource();
        lock (_stopLock)
        {
            if (_stopRequested) throw new PipelineStoppedException();
            _currentRun = cancellation;
        }
        try
        {
            BatchRunner.Run(request, sink, cancellation.Token);
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

    /// <summary>Ctrl+C: called on another thread while the pipeline thread is inside BatchRunner.Run.</summary>
    protected override void StopProcessing()
    {
        lock (_stopLock)
        {
            _stopRequested = true;
            _currentRun?.Cancel();
        }
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
            ThrowTerminatingError(ErrorRecords.InvalidWorkerHostSetting(ex));
            throw; // ThrowTerminatingError never returns; the compiler cannot know.
        }
        WriteDebug(BatchMessages.WorkerChosen(chosen));
        return chosen.Command;
    }
}
