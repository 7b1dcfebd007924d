namespace ConcurrencyDemo.Engine.Events;

/// <summary>A worker process became ready; the gap between its start and ready times is what a process costs.</summary>
public sealed record WorkerStartedEvent : BatchEvent
{
    public required string Worker { get; init; }
    public required int ProcessId { get; init; }
    public required double StartSeconds { get; init; }
    public required double ReadySeconds { get; init; }

    /// <summary>"[0.600 s] Proc-1: worker process 4242 ready after 0.513 s", the line both front ends write.</summary>
    public string ToLine() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"[{Seconds:0.000} s] {Worker}: worker process {ProcessId} ready after {ReadySeconds - StartSeconds:0.000} s");
}
