namespace ConcurrencyDemo.Engine.Events;

/// <summary>A line an item says while it runs, in the workload's words: verbose output in PowerShell.</summary>
public sealed record ItemLogEvent : BatchEvent
{
    public required int Index { get; init; }
    public required string Worker { get; init; }
    public required string Message { get; init; }

    /// <summary>
    /// "[0.143 s] Thread-3 item 2: Sleeping 1 second(s)...", the line both front ends write: the time in the run
    /// first, so that overlap can be read from the lines alone, then who said it.
    /// </summary>
    public string ToLine() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{Seconds:0.000} s] {Worker} item {Index}: {Message}");
}
