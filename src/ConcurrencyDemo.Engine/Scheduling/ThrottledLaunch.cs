using System.Runtime.ExceptionServices;

namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>
/// Starts one item after another while fewer than ThrottleLimit are running, stops starting new ones
/// when the run is cancelled, and ends when every started item has ended. Thread and Async mode differ
/// only in what "start an item" means.
/// </summary>
internal static class ThrottledLaunch
{
    public static async Task RunAsync(RunContext run, Func<int, Task> startItem)
    {
        using var slots = new SemaphoreSlim(run.ThrottleLimit, run.ThrottleLimit);
        var items = new List<Task>(run.Count);
        ExceptionDispatchInfo? startFailure = null;
        try
        {
            for (int index = 0; index < run.Count; index++)
            {
                await slots.WaitAsync(run.CancellationToken).ConfigureAwait(false);
                Task item;
                try
                {
                    item = startItem(index);
                }
                catch (Exception ex)
                {
                    // Out of threads, say: stop starting, but still wait for the items already running.
                    slots.Release();
                    startFailure = ExceptionDispatchInfo.Capture(ex);
                    break;
                }
                items.Add(ReleaseWhenDone(item, slots));
            }
        }
        catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
        {
            // Start no more; the started items wake through the same token and are awaited below.
        }
        await Task.WhenAll(items).ConfigureAwait(false);
        startFailure?.Throw();
    }

    private static async Task ReleaseWhenDone(Task item, SemaphoreSlim slots)
    {
        try { await item.ConfigureAwait(false); }
        finally { slots.Release(); }
    }
}
