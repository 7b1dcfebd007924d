namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>
/// ThrottleLimit dedicated threads that each take the next item until none is left. Deliberately not
/// the .NET ThreadPool: it adds threads slowly when they block, so ten blocking sleeps would take
/// several seconds instead of one, which would teach the wrong lesson about pools.
/// </summary>
internal sealed class PoolStrategy : IExecutionStrategy
{
    public Task RunAsync(RunContext run)
    {
        int next = -1;
        int threadCount = Math.Min(run.ThrottleLimit, Math.Max(1, run.Count));
        var threads = new List<Task>(threadCount);
        try
        {
            for (int t = 0; t < threadCount; t++)
            {
                string name = $"Pool-{t + 1}";
                threads.Add(DedicatedThread.Start(name, requested =>
                {
                    var lane = new WorkerLane(name, requested, MonotonicClock.Now);
                    int index;
                    while (!run.CancellationToken.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < run.Count)
                        run.RunItem(index, lane);
                }));
            }
        }
        catch (Exception) when (threads.Count > 0)
        {
            // Out of threads: the pool threads that exist take every item between them.
        }
        return Task.WhenAll(threads);
    }
}
