using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Scheduling;

namespace ConcurrencyDemo.Engine;

/// <summary>
/// Runs a batch and hands every event to the front end on the calling thread. Run blocks until the
/// run is over: the calling thread is the pump. Cancelling the token (Ctrl+C, StopProcessing) wakes
/// waiting items and kills worker processes; Run then throws <see cref="OperationCanceledException"/>.
/// An exception from the sink stops the run the same way and is rethrown.
/// </summary>
public static class BatchRunner
{
    /// <summary>How long Run waits for items and workers to stop after a cancellation before it returns anyway.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    public static RunSummary Run(BatchRequest request, IBatchEventSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        if (request.Mode == ExecutionMode.Process && request.WorkerCommand is null)
            throw new ArgumentException("Process mode needs a WorkerCommand to start worker processes.", nameof(request));

        int throttleLimit = ThrottleLimits.Resolve(request.Mode, request.ThrottleLimit, request.Workload.Count);
        string runId = Guid.NewGuid().ToString("N")[..8];
        // Not `using`: an item that ignores cancellation may still post events or look at its token after
        // Run has given up waiting for it, so both are disposed only once the strategy has really ended.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = new EventPump();
        var run = new RunContext(runId, request, throttleLimit, MonotonicClock.Now, pump, stop.Token);
        var delivery = new RunDelivery(run, sink);

        Task strategy = Task.Run(() => CreateStrategy(request.Mode).RunAsync(run));
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
            _ = strategy.ContinueWith(_ =>
            {
                pump.Dispose();
                stop.Dispose();
            }, TaskScheduler.Default);
        }
        return delivery.Summarize(MonotonicClock.Now);
    }

    private static IExecutionStrategy CreateStrategy(ExecutionMode mode) => mode switch
    {
        ExecutionMode.Sequential => new SequentialStrategy(),
        ExecutionMode.Thread => new ThreadStrategy(),
        ExecutionMode.Pool => new PoolStrategy(),
        ExecutionMode.Process => new ProcessStrategy(),
        ExecutionMode.Async => new AsyncStrategy(),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown execution mode."),
    };
}
