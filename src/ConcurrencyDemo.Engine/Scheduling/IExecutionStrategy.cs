namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>One way of running a run's items. The returned task ends when every item has ended and every lane has stopped.</summary>
internal interface IExecutionStrategy
{
    Task RunAsync(RunContext run);
}
