namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>
/// A lane items run in (a thread, a pool thread, a worker process, a task), with when it was asked
/// for and when it was ready: the difference is the start-up cost a timeline shows.
/// </summary>
internal sealed record WorkerLane(string Name, long StartTimestamp, long ReadyTimestamp);
