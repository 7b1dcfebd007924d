namespace ConcurrencyDemo.Engine.Events;

/// <summary>How far the run is, after each finished item: <c>Write-Progress</c> in PowerShell.</summary>
public sealed record BatchProgressEvent : BatchEvent
{
    public required ExecutionMode Mode { get; init; }
    public required int Completed { get; init; }
    public required int Total { get; init; }
    public required int Failed { get; init; }
}
