using System.Collections.Concurrent;
using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Engine.Tests;

/// <summary>Keeps every event and the thread it arrived on; optionally reacts to each one.</summary>
internal sealed class RecordingSink(Action<BatchEvent>? onEvent = null) : IBatchEventSink
{
    public List<BatchEvent> Events { get; } = [];
    public ConcurrentBag<int> CallbackThreads { get; } = [];

    public IEnumerable<ItemResult> Results => Events.OfType<ItemFinishedEvent>().Select(e => e.Result);
    public IEnumerable<WorkerStartedEvent> WorkersStarted => Events.OfType<WorkerStartedEvent>();

    public void OnEvent(BatchEvent batchEvent)
    {
        CallbackThreads.Add(Environment.CurrentManagedThreadId);
        Events.Add(batchEvent);
        onEvent?.Invoke(batchEvent);
    }
}
