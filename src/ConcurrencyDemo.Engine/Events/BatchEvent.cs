namespace ConcurrencyDemo.Engine.Events;

/// <summary>Something that happened in a run, delivered to the front end on the front end's own thread.</summary>
public abstract record BatchEvent
{
    public required string RunId { get; init; }

    /// <summary>Seconds from the start of the run.</summary>
    public required double Seconds { get; init; }
}
