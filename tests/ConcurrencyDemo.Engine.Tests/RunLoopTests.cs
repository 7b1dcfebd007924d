using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Workloads.Sleep;

namespace ConcurrencyDemo.Engine.Tests;

/// <summary>The engine owns the loop over modes: one call, one run per mode, each framed by its own events.</summary>
public class RunLoopTests
{
    [Fact]
    public void Each_mode_is_a_run_of_its_own_framed_by_started_and_finished_events_in_order()
    {
        var sink = new RecordingSink();
        var request = TestWorkloads.Sleep(ExecutionMode.Thread, 2, 0.02) with { Modes = [ExecutionMode.Thread, ExecutionMode.Async, ExecutionMode.Process] };

        var summaries = BatchRunner.Run(request, sink);

        Assert.Equal([ExecutionMode.Thread, ExecutionMode.Async, ExecutionMode.Process], summaries.Select(s => s.Mode));
        var frames = sink.Events.Where(e => e is RunStartedEvent or RunFinishedEvent).ToList();
        Assert.Equal(6, frames.Count);
        for (int run = 0; run < 3; run++)
        {
            var started = Assert.IsType<RunStartedEvent>(frames[2 * run]);
            var finished = Assert.IsType<RunFinishedEvent>(frames[2 * run + 1]);
            Assert.Equal((run + 1, 3), (started.RunNumber, started.RunCount));
            Assert.Equal(started.RunId, finished.RunId);
            Assert.Same(summaries[run], finished.Summary);
            Assert.Equal(2, started.ItemCount);
            // Every event of a run comes between its frames, and carries its run id.
            int from = sink.Events.IndexOf(started), to = sink.Events.IndexOf(finished);
            Assert.All(sink.Events.Skip(from).Take(to - from + 1), e => Assert.Equal(started.RunId, e.RunId));
            Assert.Equal(2, sink.Events.Skip(from).Take(to - from).OfType<ItemFinishedEvent>().Count());
        }
        Assert.Equal(0, ((RunStartedEvent)frames[0]).WorkerProcesses);
        Assert.Equal(2, ((RunStartedEvent)frames[4]).WorkerProcesses);
    }

    [Fact]
    public void A_run_shorter_than_the_memory_sampling_interval_still_reports_its_peak_memory()
    {
        // Twenty instant runs: the last sample once raced the sampler's disposal and often found it gone.
        var request = TestWorkloads.Sleep(ExecutionMode.Sequential, 1, 0) with
        {
            Modes = [.. Enumerable.Repeat(new[] { ExecutionMode.Sequential, ExecutionMode.Thread, ExecutionMode.Pool, ExecutionMode.Async }, 5).SelectMany(m => m)],
        };

        var summaries = BatchRunner.Run(request, new RecordingSink());

        Assert.Equal(20, summaries.Count);
        Assert.All(summaries, s => Assert.True(s.PeakWorkingSetBytes > 0, $"{s.Mode}: peak working set {s.PeakWorkingSetBytes}"));
    }

    [Fact]
    public void A_request_without_modes_or_without_a_worker_command_for_Process_mode_is_refused()
    {
        Assert.Throws<ArgumentException>(() => BatchRunner.Run(TestWorkloads.Sleep(ExecutionMode.Thread, 1, 0) with { Modes = [] }, new RecordingSink()));
        Assert.Throws<ArgumentException>(() => BatchRunner.Run(
            TestWorkloads.Sleep(ExecutionMode.Thread, 1, 0) with { Modes = [ExecutionMode.Thread, ExecutionMode.Process], WorkerCommand = null }, new RecordingSink()));
    }

    [Fact]
    public void A_stop_during_the_first_run_starts_no_other()
    {
        using var cancel = new CancellationTokenSource();
        var sink = new RecordingSink(e => { if (e is ItemStartedEvent) cancel.Cancel(); });
        var request = TestWorkloads.Sleep(ExecutionMode.Thread, 2, 30) with { Modes = [ExecutionMode.Thread, ExecutionMode.Async] };

        Assert.ThrowsAny<OperationCanceledException>(() => BatchRunner.Run(request, sink, cancel.Token));

        Assert.Single(sink.Events.OfType<RunStartedEvent>());
        Assert.Empty(sink.Events.OfType<RunFinishedEvent>());
    }
}
