using System.Collections.Concurrent;
using System.Text.Json;
using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.WorkerProcesses;

namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>
/// ThrottleLimit worker processes, started once per run, each fed one item at a time by a lane thread
/// here. A worker that dies mid-item fails that item and is replaced for the next one; cancellation
/// kills every worker, so none outlives the run.
/// </summary>
internal sealed class ProcessStrategy : IExecutionStrategy
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<WorkerProcess, byte> _live = new();
    private int _next = -1;
    private JsonElement _workloadSettings;
    private IReadOnlyDictionary<string, string>? _workerEnvironment;
    private int _workersStarted;

    public async Task RunAsync(RunContext run)
    {
        var command = run.Request.WorkerCommand
            ?? throw new InvalidOperationException("Process mode needs a WorkerCommand: the front end must say how to start a worker process.");
        int laneCount = Math.Min(run.ThrottleLimit, Math.Max(1, run.Count));
        // Every worker gets the same settings and environment: worked out once, not once per worker started.
        _workloadSettings = run.Workload.SaveSettings();
        _workerEnvironment = WorkerRuntimeSettings.For(run.Workload, command);
        using (run.CancellationToken.Register(KillAll))
        {
            // Lanes that started must be awaited even if starting another one fails, so that
            // cancellation still reaches their workers through the registration above.
            var lanes = new List<Task>(laneCount);
            try
            {
                for (int lane = 0; lane < laneCount; lane++)
                    lanes.Add(DedicatedThread.Start($"Process lane {lane + 1}", _ => RunLane(run, command)));
            }
            catch (Exception) when (lanes.Count > 0)
            {
                // Out of threads: the lanes that exist take every item between them.
            }
            finally
            {
                await Task.WhenAll(lanes).ConfigureAwait(false);
            }
        }
    }

    private void RunLane(RunContext run, WorkerCommand command)
    {
        WorkerProcess? worker = null;
        try
        {
            int index;
            while (!run.CancellationToken.IsCancellationRequested && (index = Interlocked.Increment(ref _next)) < run.Count)
            {
                if (worker is null)
                {
                    long requested = MonotonicClock.Now;
                    string name = $"Proc-{Interlocked.Increment(ref _workersStarted)}";
                    try
                    {
                        worker = StartWorker(run, command, name);
                    }
                    catch (WorkerStartException ex)
                    {
                        if (run.CancellationToken.IsCancellationRequested) return;
                        long now = MonotonicClock.Now;
                        PostFailure(run, index, new WorkerLane(name, requested, now), now, 0, 0, command.HostKind, FailureKind.WorkerNotStarted, ex.Message);
                        continue;
                    }
                }
                if (!RunItem(run, worker, command.HostKind, index))
                {
                    Retire(worker);
                    worker = null;
                }
            }
        }
        finally
        {
            if (worker is not null)
            {
                run.Memory.RemoveWorker(worker.ProcessId);
                worker.Stop(StopGrace);
                Retire(worker);
            }
        }
    }

    private WorkerProcess StartWorker(RunContext run, WorkerCommand command, string name)
    {
        var worker = WorkerProcess.Start(command, name, run.Request.WorkerStartTimeout, run.CancellationToken,
            _workerEnvironment);
        _live.TryAdd(worker, 0);
        run.Memory.AddWorker(worker.ProcessId);
        if (run.CancellationToken.IsCancellationRequested) worker.Kill();
        worker.Initialize(run.Workload.Name, _workloadSettings);
        run.Pump.Post(new WorkerStartedEvent
        {
            RunId = run.RunId,
            Seconds = run.SecondsAt(worker.ReadyTimestamp),
            Worker = worker.Name,
            ProcessId = worker.ProcessId,
            StartSeconds = run.SecondsAt(worker.StartTimestamp),
            ReadySeconds = run.SecondsAt(worker.ReadyTimestamp),
        });
        return worker;
    }

    /// <summary>Runs one item in the worker; false when the worker is gone and must be replaced.</summary>
    private static bool RunItem(RunContext run, WorkerProcess worker, string workerHost, int index)
    {
        var lane = new WorkerLane(worker.Name, worker.StartTimestamp, worker.ReadyTimestamp);
        var outcome = worker.RunItem(index,
            started: (timestamp, _) => run.PostStarted(index, lane, timestamp),
            log: message => run.PostLog(index, lane, message));
        if (outcome.WorkerGone is { } why)
        {
            // Killed by a cancellation: the run is ending, and its items are not failures to report.
            if (!run.CancellationToken.IsCancellationRequested)
                PostFailure(run, index, lane, outcome.StartTimestamp, outcome.ThreadId, worker.ProcessId, workerHost, FailureKind.WorkerDied, why);
            return false;
        }
        var result = (outcome.Result is { } json ? run.Workload.RestoreResult(json) : null) ?? NotUnderstood(run, index);
        run.Stamp(result, index, lane, outcome.StartTimestamp, outcome.EndTimestamp, outcome.ThreadId, worker.ProcessId, workerHost);
        run.PostFinished(result);
        return true;
    }

    /// <summary>A "finished" reply whose result could not be read: the item's inputs, failed.</summary>
    private static ItemResult NotUnderstood(RunContext run, int index)
    {
        var result = run.Workload.CreateResult(index);
        ItemExecution.Fail(result, FailureKind.WorkerDied, "The worker process sent a result that could not be read.");
        return result;
    }

    /// <summary>An item the worker could not finish: its inputs kept, so that it can be run again.</summary>
    private static void PostFailure(RunContext run, int index, WorkerLane lane, long startTimestamp, int threadId, int processId, string workerHost, FailureKind kind, string error)
    {
        var result = run.Workload.CreateResult(index);
        run.Stamp(result, index, lane, startTimestamp, MonotonicClock.Now, threadId, processId, workerHost);
        ItemExecution.Fail(result, kind, error);
        run.PostFinished(result);
    }

    /// <summary>Out of the kill list first, so that a cancellation never kills a process object being disposed.</summary>
    private void Retire(WorkerProcess worker)
    {
        _live.TryRemove(worker, out _);
        worker.Dispose();
    }

    private void KillAll()
    {
        foreach (var worker in _live.Keys) worker.Kill();
    }
}
