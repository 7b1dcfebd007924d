using System.Collections.Concurrent;
using ConcurrencyDemo.Engine.Events;

namespace ConcurrencyDemo.Engine.Events;

/// <summary>
/// The one road from workers to the front end: any thread posts, only the thread that called
/// <see cref="BatchRunner.Run"/> takes. This is what lets PowerShell cmdlets write from the pipeline thread.
/// </summary>
internal sealed class EventPump : IDisposable
{
    private readonly BlockingCollection<BatchEvent> _queue = new(new ConcurrentQueue<BatchEvent>());

    /// <summary>
    /// Safe from any thread at any time: after the run is over (or abandoned) late events from stopping
    /// workers have nowhere to go, and a workload's logging must never throw on its own thread.
    /// </summary>
    public void Post(BatchEvent batchEvent)
    {
        // ObjectDisposedException (after Dispose) derives from InvalidOperationException (after Complete).
        try { _queue.Add(batchEvent); }
        catch (InvalidOperationException) { }
    }

    public void Complete()
    {
        try { _queue.CompleteAdding(); }
        catch (ObjectDisposedException) { }
    }

    /// <summary>Blocks the calling thread, handing it each event, until <see cref="Complete"/> and the queue is empty.</summary>
    public IEnumerable<BatchEvent> Drain(CancellationToken cancellationToken) =>
        _queue.GetConsumingEnumerable(cancellationToken);

    public void Dispose() => _queue.Dispose();
}
