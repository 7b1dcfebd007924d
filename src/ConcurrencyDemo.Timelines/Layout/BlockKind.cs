namespace ConcurrencyDemo.Timelines.Layout;

/// <summary>What a stretch of a lane shows.</summary>
public enum BlockKind
{
    /// <summary>The lane being started: a thread created, a worker process starting up.</summary>
    Startup,

    /// <summary>An item that succeeded.</summary>
    Item,

    /// <summary>An item that failed.</summary>
    FailedItem,
}
