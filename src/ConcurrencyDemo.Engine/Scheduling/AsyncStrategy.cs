namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>Every item as a task, at most ThrottleLimit in flight; waiting items hold no thread.</summary>
internal sealed class AsyncStrategy : IExecutionStrategy
{
    public Task RunAsync(RunContext run) =>
        ThrottledLaunch.RunAsync(run, index =>
        {
            long now = MonotonicClock.Now;
            return run.RunItemAsync(index, new WorkerLane($"Task-{index + 1}", now, now));
        });
}
