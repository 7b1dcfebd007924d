using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Engine.Events;

/// <summary>An item ended, well or badly. In ordered runs these arrive in input order.</summary>
public sealed record ItemFinishedEvent : BatchEvent
{
    public required ItemResult Result { get; init; }
}
