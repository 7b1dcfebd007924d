using ConcurrencyDemo.Engine.Events;

namespace ConcurrencyDemo.Engine.Tests;

/// <summary>PowerShell allows WriteObject, WriteVerbose and WriteProgress only on the pipeline thread.</summary>
public class PumpTests
{
    [Theory]
    [InlineData(ExecutionMode.Sequential)]
    [InlineData(ExecutionMode.Thread)]
    [InlineData(ExecutionMode.Pool)]
    [InlineData(ExecutionMode.Process)]
    [InlineData(ExecutionMode.Async)]
    public void Every_event_arrives_on_the_thread_that_called_Run(ExecutionMode mode)
    {
        var sink = new RecordingSink();
        BatchRunner.Run(TestWorkloads.Sleep(mode, 3, 0.1, throttleLimit: 3), sink);

        Assert.Equal(Environment.CurrentManagedThreadId, Assert.Single(sink.CallbackThreads.Distinct()));
        // Items ran elsewhere: the pump really moved them across threads.
        Assert.DoesNotContain(sink.Results, r => r.ProcessId == Environment.ProcessId && r.ThreadId == Environment.CurrentManagedThreadId);
        Assert.Equal(3, sink.Events.OfType<ItemStartedEvent>().Count());
        Assert.Equal(3, sink.Results.Count());
        Assert.Equal(6, sink.Events.OfType<ItemLogEvent>().Count());
        Assert.Contains(sink.Events.OfType<ItemLogEvent>(), e => e.Message == "Sleeping 0.1 second(s)...");
    }

    [Fact]
    public void An_item_starts_before_it_finishes_and_logs_between()
    {
        var sink = new RecordingSink();
        BatchRunner.Run(TestWorkloads.Sleep(ExecutionMode.Sequential, 2, 0.05), sink);

        var kinds = sink.Events.Where(e => e is not BatchProgressEvent).Select(e => e.GetType().Name).ToList();
        Assert.Equal(
            ["RunStartedEvent", "ItemStartedEvent", "ItemLogEvent", "ItemLogEvent", "ItemFinishedEvent",
             "ItemStartedEvent", "ItemLogEvent", "ItemLogEvent", "ItemFinishedEvent", "RunFinishedEvent"],
            kinds);
    }
}
