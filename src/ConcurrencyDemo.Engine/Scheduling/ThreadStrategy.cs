namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>A new OS thread per item, at most ThrottleLimit alive at once.</summary>
internal sealed class ThreadStrategy : IExecutionStrategy
{
    public Task RunAsync(RunContext run) =>
        ThrottledLaunch.RunAsync(run, index =>
            DedicatedThread.Start($"Item {index + 1}", requested =>
                run.RunItem(index, new WorkerLane($"Thread-{index + 1}", requested, MonotonicClock.Now))));
}
