using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Engine.Tests;

/// <summary>A failed result says what kind of failure it was, so that no front end reads a message's words.</summary>
public class TypedFailureTests
{
    [Theory]
    [InlineData(ExecutionMode.Sequential)]
    [InlineData(ExecutionMode.Async)]
    public void A_failure_the_workload_names_keeps_its_kind_and_anything_else_is_Unexpected(ExecutionMode mode)
    {
        var sink = new RecordingSink();
        BatchRunner.Run(new BatchRequest { Workload = new KindedFailureWorkload(), Modes = [mode] }, sink);

        var results = sink.Results.OrderBy(r => r.Index).ToList();
        Assert.Equal([FailureKind.None, FailureKind.OutputExists, FailureKind.Unexpected], results.Select(r => r.Failure));
        Assert.Equal("exists already", results[1].Error);
        Assert.True(results[0].Success);
    }

    [Fact]
    public void Items_stopped_by_a_cancellation_are_Cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var sink = new RecordingSink(e => { if (e is ItemStartedEvent) cancel.CancelAfter(100); });
        Assert.ThrowsAny<OperationCanceledException>(() => BatchRunner.Run(TestWorkloads.Sleep(ExecutionMode.Thread, 1, 30), sink, cancel.Token));
        // The run was abandoned, so no result was delivered; the item's own outcome is still recorded as Cancelled.
        var result = new ItemResult();
        ItemExecution.Run(new TestCancelledWorkload(), 0, result, new ItemContext(0, new CancellationToken(canceled: true), _ => { }));
        Assert.Equal(FailureKind.Cancelled, result.Failure);
        Assert.Equal("Cancelled.", result.Error);
    }

    [Fact]
    public void A_worker_that_cannot_start_fails_its_items_as_WorkerNotStarted()
    {
        var sink = new RecordingSink();
        var missing = new WorkerProcesses.WorkerCommand("/nonexistent/worker", [], "dotnet");
        BatchRunner.Run(TestWorkloads.Sleep(ExecutionMode.Process, 2, 0.01, throttleLimit: 1) with { WorkerCommand = missing }, sink);
        Assert.All(sink.Results, r => Assert.Equal(FailureKind.WorkerNotStarted, r.Failure));
    }

    private sealed class KindedFailureWorkload() : InProcessWorkload("Kinded", 3)
    {
        public override void Execute(int index, ItemResult result, ItemContext context)
        {
            if (index == 1) throw new ItemFailureException(FailureKind.OutputExists, "exists already");
            if (index == 2) throw new InvalidOperationException("something else");
        }
    }

    private sealed class TestCancelledWorkload() : InProcessWorkload("Cancelled", 1)
    {
        public override void Execute(int index, ItemResult result, ItemContext context) =>
            context.CancellationToken.ThrowIfCancellationRequested();
    }
}
