namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>A new OS thread per item, at most ThrottleLimit alive at once.</summary>
internal sealed class ThreadStrategy : IExecutionStrategy
{
    public async Task RunAsync(RunContext run)
    {
        using var slots = new SemaphoreSlim(run.ThrottleLimit, run.ThrottleLimit);
        var threads = new List<Task>(run.Count);
        try
        {
            for (int i = 0; i < run.Count; i++)
            {
                await slots.WaitAsync(run.CancellationToken).ConfigureAwait(false);
                int index = i;
                threads.Add(DedicatedThread.Start($"Item {index + 1}", requested =>
                {
                    try { run.RunItem(index, new WorkerLane($"Thread-{index + 1}", requested, MonotonicClock.Now)); }
                    finally { slots.Release(); }
                }));
            }
        }
        catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
        {
            // Start no more; the started threads wake through the same token and are awaited below.
        }
        await Task.WhenAll(threads).ConfigureAwait(false);
    }
}
