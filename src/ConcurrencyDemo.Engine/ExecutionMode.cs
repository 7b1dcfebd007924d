namespace ConcurrencyDemo.Engine;

/// <summary>How a batch's items are run. The names follow the Python tutorials the demo retells.</summary>
public enum ExecutionMode
{
    /// <summary>One item after another on one worker thread.</summary>
    Sequential,

    /// <summary>A new dedicated OS thread per item (Python's list of <c>threading.Thread</c>).</summary>
    Thread,

    /// <summary>A fixed set of reused worker threads pulling from a queue (Python's <c>ThreadPoolExecutor</c>).</summary>
    Pool,

    /// <summary>Worker OS processes started once per batch, fed one item at a time (Python's <c>ProcessPoolExecutor</c>).</summary>
    Process,

    /// <summary>Items as async tasks: no thread is held while an item waits (the idiomatic .NET answer to I/O-bound work).</summary>
    Async,
}
