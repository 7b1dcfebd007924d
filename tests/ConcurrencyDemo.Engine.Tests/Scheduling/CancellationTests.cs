using ConcurrencyDemo.Tests.Common;
using System.Diagnostics;
using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Workloads.Sleep;
using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.Tests;

/// <summary>Ctrl+C (StopProcessing in pwsh) and a consumer that stops reading (Select-Object -First) stop everything.</summary>
public class CancellationTests
{
    public static TheoryData<ExecutionMode> AllModes => new(Enum.GetValues<ExecutionMode>());

    [Theory]
    [MemberData(nameof(AllModes))]
    public void Cancelling_wakes_sleeping_items_and_returns_promptly(ExecutionMode mode)
    {
        using var cancel = new CancellationTokenSource();
        int started = 0;
        int expectedRunning = mode == ExecutionMode.Sequential ? 1 : 3;
        var sink = new RecordingSink(e =>
        {
            if (e is ItemStartedEvent && ++started == expectedRunning) cancel.CancelAfter(100);
        });
        var request = TestWorkloads.Sleep(mode, 3, 30, throttleLimit: 3);

        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => BatchRunner.Run(request, sink, cancel.Token));
        double afterCancel = clock.Elapsed.TotalSeconds - StartedAt(sink) - 0.1;

        Assert.Equal(expectedRunning, started);
        // 30-second sleeps: anything near that means the items were not woken. The CLI's acceptance measures the 1 s figure.
        Assert.True(afterCancel < 5, $"Run returned {afterCancel:0.00} s after the cancellation");
        Assert.All(sink.WorkersStarted, w => Assert.False(ProcessProbe.IsAlive(w.ProcessId), $"worker {w.ProcessId} outlived the cancelled run"));
    }

    [Theory]
    [MemberData(nameof(AllModes))]
    public void An_exception_from_the_front_end_stops_the_run_and_is_rethrown(ExecutionMode mode)
    {
        // PowerShell throws PipelineStoppedException from WriteObject once Select-Object -First has what it wants.
        var sink = new RecordingSink(e =>
        {
            if (e is ItemFinishedEvent) throw new StopReadingException();
        });
        double[] seconds = [0.1, 30, 30];
        var request = TestWorkloads.Sleep(mode, 0, 0) with { Workload = new SleepWorkload(seconds), ThrottleLimit = 3 };

        var clock = Stopwatch.StartNew();
        Assert.Throws<StopReadingException>(() => BatchRunner.Run(request, sink));

        Assert.True(clock.Elapsed.TotalSeconds < 20, "the 30-second items must have been stopped");
        Assert.All(sink.WorkersStarted, w => Assert.False(ProcessProbe.IsAlive(w.ProcessId), $"worker {w.ProcessId} outlived the stopped run"));
    }

    [Fact]
    public void Cancelling_before_the_run_starts_runs_nothing()
    {
        var sink = new RecordingSink();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            BatchRunner.Run(TestWorkloads.Sleep(ExecutionMode.Thread, 3, 30), sink, new CancellationToken(canceled: true)));
        Assert.Empty(sink.Results);
    }

    private static double StartedAt(RecordingSink sink) =>
        sink.Events.OfType<ItemStartedEvent>().Max(e => e.Seconds);

    private sealed class StopReadingException : Exception;
}
