using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Scheduling;

namespace ConcurrencyDemo.Engine;

/// <summary>
/// Runs a batch once per requested mode and hands every event to the front end on the calling thread:
/// Run blocks until the last run is over, and the calling thread is the pump. Each run begins with a
/// <see cref="RunStartedEvent"/> and ends with a <see cref="RunFinishedEvent"/>, so a front end is only an
/// adapter that turns events into its own output. Cancelling the token (Ctrl+C, StopProcessing) wakes
/// waiting items and kills worker processes; Run then throws <see cref="OperationCanceledException"/>.
/// An exception from the sink stops the run the same way and is rethrown.
/// </summary>
public static class BatchRunner
{
    /// <summary>How long Run waits for items and workers to stop after a cancellation before it returns anyway.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    public static IReadOnlyList<RunSummary> Run(BatchRequest request, IBatchEventSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        if (request.Modes.Count == 0)
            throw new ArgumentException("A batch needs at least one mode to run in.", nameof(request));
        if (request.Modes.Contains(ExecutionMode.Process) && request.WorkerCommand is null)
            throw new ArgumentException("Process mode needs a WorkerCommand to start worker processes.", nameof(request));

        var summaries = new List<RunSummary>(request.Modes.Count);
        for (int i = 0; i < request.Modes.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            summaries.Add(RunMode(request, request.Modes[i], i + 1, sink, cancellationToken));
        }
        return summaries;
    }

    private static RunSummary RunMode(BatchRequest request, ExecutionMode mode, int runNumber, IBatchEventSink sink, CancellationToken cancellationToken)
    {
        int throttleLimit = ThrottleLimits.Resolve(mode, request.ThrottleLimit, request.Workload.Count);
        string runId = Guid.NewGuid().ToString("N")[..8];
        int runCount = request.Modes.Count;
        // Not `using`: an item that ignores cancellation may still post events or look at its token after
        // Run has given up waiting for it, so both are disposed only once the strategy has really ended.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = new EventPump();
        var run = new RunContext(runId, request, mode, throttleLimit, MonotonicClock.Now, pump, stop.Token);
        var delivery = new RunDelivery(run, sink);

        sink.OnEvent(new RunStartedEvent
        {
            RunId = runId,
            Seconds = 0,
            Workload = request.Workload.Name,
            Mode = mode,
            ThrottleLimit = throttleLimit,
            ItemCount = request.Workload.Count,
            RunNumber = runNumber,
            RunCount = runCount,
            WorkerProcesses = mode == ExecutionMode.Process ? Math.Min(throttleLimit, request.Workload.Count) : 0,
        });
        Task strategy = Task.Run(() => CreateStrategy(mode).RunAsync(run));
        _ = strategy.ContinueWith(_ => pump.Complete(), TaskScheduler.Default);
        try
        {
            foreach (var batchEvent in pump.Drain(cancellationToken))
                delivery.Deliver(batchEvent);
            strategy.GetAwaiter().GetResult();
        }
        catch
        {
            try { stop.Cancel(); } catch (AggregateException) { }
            try { strategy.Wait(StopTimeout); } catch (AggregateException) { }
            pump.Complete();
            throw;
        }
        finally
        {
            // The run's last sample, before the sampler can be disposed: a run shorter than the sampling
            // interval has no other, and the disposal below may run at once on another thread.
            run.Memory.Sample();
            _ = strategy.ContinueWith(_ =>
            {
                pump.Dispose();
                stop.Dispose();
                run.Memory.Dispose();
            }, TaskScheduler.Default);
        }
        var summary = delivery.Summarize(MonotonicClock.Now);
        sink.OnEvent(new RunFinishedEvent { RunId = runId, Seconds = summary.ElapsedSeconds, Summary = summary, RunNumber = runNumber, RunCount = runCount });
        return summary;
    }

    private static IExecutionStrategy CreateStrategy(ExecutionMode mode) => mode switch
    {
        ExecutionMode.Sequential => new SequentialStrategy(),
        ExecutionMode.Thread => new ThreadStrategy(),
        ExecutionMode.Pool => new PoolStrategy(),
        ExecutionMode.Process => CreateProcessStrategy(),
        ExecutionMode.Async => new AsyncStrategy(),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown execution mode."),
    };

    // Apart, so that an in-process run never loads the worker protocol's types: the process strategy holds the
    // workload's settings as JSON, and naming it here loaded System.Text.Json into every run, 1-2 ms of a CLI start.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IExecutionStrategy CreateProcessStrategy() => new ProcessStrategy();
}
