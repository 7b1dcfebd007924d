namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>Every item as a task, at most ThrottleLimit in flight; waiting items hold no thread.</summary>
internal sealed class AsyncStrategy : IExecutionStrategy
{
    public async Task RunAsync(RunContext run)
    {
        using var slots = new SemaphoreSlim(run.ThrottleLimit, run.ThrottleLimit);
        var items = new List<Task>(run.Count);
        try
        {
            for (int i = 0; i < run.Count; i++)
            {
                await slots.WaitAsync(run.CancellationToken).ConfigureAwait(false);
                items.Add(RunOneAsync(run, i, slots));
            }
        }
        catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(items).ConfigureAwait(false);
    }

    private static async Task RunOneAsync(RunContext run, int index, SemaphoreSlim slots)
    {
        try
        {
            long now = MonotonicClock.Now;
            await run.RunItemAsync(index, new WorkerLane($"Task-{index + 1}", now, now)).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }
}
