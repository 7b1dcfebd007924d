namespace ConcurrencyDemo.Engine.WorkerProcesses;

/// <summary>A worker process could not be started or never became ready; the items given to it fail with this message.</summary>
public sealed class WorkerStartException(string message) : Exception(message);
