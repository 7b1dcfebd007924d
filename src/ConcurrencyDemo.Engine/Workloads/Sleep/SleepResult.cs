using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Engine.Workloads.Sleep;

/// <summary>One sleeping item of <c>Invoke-SleepDemo</c>.</summary>
public sealed class SleepResult : ItemResult
{
    /// <summary>How long the item was asked to sleep.</summary>
    public double SleepSeconds { get; set; }
}
