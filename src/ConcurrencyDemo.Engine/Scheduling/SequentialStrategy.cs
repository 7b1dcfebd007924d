namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>Every item in turn on one worker thread (not the front end's: it must stay free to pump events).</summary>
internal sealed class SequentialStrategy : IExecutionStrategy
{
    public Task RunAsync(RunContext run) =>
        DedicatedThread.Start("Sequential", requested =>
        {
            var lane = new WorkerLane("Seq-1", requested, MonotonicClock.Now);
            for (int i = 0; i < run.Count && !run.CancellationToken.IsCancellationRequested; i++)
                run.RunItem(i, lane);
        });
}
