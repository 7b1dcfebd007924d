namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>Starts a real OS thread (never a thread-pool thread) and exposes its end as a task.</summary>
internal static class DedicatedThread
{
    /// <summary>Waiting items need little stack; a small one lets Thread mode start a thousand threads cheaply.</summary>
    private const int StackSize = 256 * 1024;

    public static Task Start(string name, Action<long> body)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long requested = MonotonicClock.Now;
        var thread = new Thread(() =>
        {
            try { body(requested); done.SetResult(); }
            catch (Exception ex) { done.SetException(ex); }
        }, StackSize)
        {
            Name = name,
            // A background thread cannot keep PowerShell or the CLI alive if something goes badly wrong.
            IsBackground = true,
        };
        thread.Start();
        return done.Task;
    }
}
