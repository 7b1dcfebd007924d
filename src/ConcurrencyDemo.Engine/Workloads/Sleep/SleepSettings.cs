namespace ConcurrencyDemo.Engine.Workloads.Sleep;

/// <summary>What a worker process needs to rebuild a sleep workload: each item's seconds, and the steps every item sleeps in.</summary>
internal sealed record SleepSettings(double[] Seconds, int Steps);
