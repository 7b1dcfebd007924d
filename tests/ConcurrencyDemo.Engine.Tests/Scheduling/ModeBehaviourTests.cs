using ConcurrencyDemo.Tests.Common;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads.Sleep;
using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.Tests;

/// <summary>What each mode does with a batch of sleeps, read from the intervals the items recorded.</summary>
public class ModeBehaviourTests
{
    private const double Sleep = 0.3;

    [Fact]
    public void Sequential_runs_items_one_at_a_time_on_one_thread()
    {
        var results = Run(ExecutionMode.Sequential, 4);

        Assert.Equal(1, Timeline.PeakConcurrency(results));
        Assert.Single(results.Select(r => r.ThreadId).Distinct());
        Assert.Equal(1, results[0].ThrottleLimit);
        // One after another: the run lasts at least the sum of the sleeps.
        Assert.True(results.Max(r => r.EndSeconds) >= 4 * Sleep * 0.95);
    }

    [Fact]
    public void Thread_mode_gives_every_item_its_own_thread_and_runs_them_all_at_once()
    {
        var results = Run(ExecutionMode.Thread, 6);

        Assert.Equal(6, Timeline.PeakConcurrency(results));
        Assert.Equal(6, results.Select(r => r.ThreadId).Distinct().Count());
        Assert.Equal(6, results.Select(r => r.Worker).Distinct().Count());
        Assert.All(results, r => Assert.True(r.WorkerReadySeconds >= r.WorkerStartSeconds));
    }

    [Fact]
    public void Thread_mode_keeps_at_most_throttle_limit_threads_alive()
    {
        var results = Run(ExecutionMode.Thread, 6, throttleLimit: 2);

        Assert.Equal(2, Timeline.PeakConcurrency(results));
        Assert.All(results, r => Assert.Equal(2, r.ThrottleLimit));
    }

    [Fact]
    public void Pool_reuses_at_most_throttle_limit_threads()
    {
        var results = Run(ExecutionMode.Pool, 7, throttleLimit: 3);

        Assert.Equal(3, Timeline.PeakConcurrency(results));
        int threads = results.Select(r => r.ThreadId).Distinct().Count();
        Assert.Equal(3, threads);
        Assert.Equal(3, results.Select(r => r.Worker).Distinct().Count());
        // Seven items on three threads: some thread ran more than one item.
        Assert.Contains(results.GroupBy(r => r.ThreadId), g => g.Count() > 1);
    }

    [Fact]
    public void Pool_of_ten_runs_ten_blocking_sleeps_together_without_waiting_for_thread_injection()
    {
        // On the bare .NET ThreadPool of a small machine these would start over several seconds.
        var results = Run(ExecutionMode.Pool, 10, throttleLimit: 10);

        Assert.Equal(10, Timeline.PeakConcurrency(results));
        Assert.True(results.Max(r => r.StartSeconds) < 10 * Sleep / 2, "every item should start well before a sequential run would reach it");
    }

    [Fact]
    public void Pool_default_size_is_pythons()
    {
        Assert.Equal(Math.Min(32, Environment.ProcessorCount + 4), ThrottleLimits.Resolve(ExecutionMode.Pool, 0, 100));
        Assert.Equal(Environment.ProcessorCount, ThrottleLimits.Resolve(ExecutionMode.Process, 0, 100));
        Assert.Equal(100, ThrottleLimits.Resolve(ExecutionMode.Thread, 0, 100));
        Assert.Equal(100, ThrottleLimits.Resolve(ExecutionMode.Async, 0, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThrottleLimits.Resolve(ExecutionMode.Pool, -1, 100));
    }

    [Fact]
    public void Async_runs_a_thousand_sleeps_at_once_without_a_thousand_threads()
    {
        var results = Run(ExecutionMode.Async, 1000, seconds: 0.5);

        Assert.Equal(1000, results.Count);
        Assert.Equal(1000, Timeline.PeakConcurrency(results));
        Assert.True(results.Select(r => r.ThreadId).Distinct().Count() < 200, "waiting tasks must not each hold a thread");
    }

    [Fact]
    public void Async_respects_throttle_limit()
    {
        var results = Run(ExecutionMode.Async, 6, throttleLimit: 2);

        Assert.Equal(2, Timeline.PeakConcurrency(results));
    }

    [Fact]
    public void Process_mode_runs_items_in_other_processes_on_the_same_timeline()
    {
        var sink = new RecordingSink();
        var summary = BatchRunner.Run(TestWorkloads.Sleep(ExecutionMode.Process, 4, Sleep, throttleLimit: 2), sink).Single();
        var results = sink.Results.ToList();

        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.True(r.Success, r.Error));
        Assert.All(results, r => Assert.NotEqual(Environment.ProcessId, r.ProcessId));
        Assert.Equal(2, results.Select(r => r.ProcessId).Distinct().Count());
        Assert.Equal(2, Timeline.PeakConcurrency(results));
        Assert.Equal(2, sink.WorkersStarted.Count());
        foreach (var r in results)
        {
            // The worker's clock readings fall inside the parent's view of the run.
            Assert.InRange(r.StartSeconds, r.WorkerReadySeconds, summary.ElapsedSeconds);
            Assert.InRange(r.EndSeconds, r.StartSeconds + Sleep * 0.9, summary.ElapsedSeconds);
            Assert.True(r.WorkerReadySeconds > r.WorkerStartSeconds, "a process takes time to start");
            Assert.IsType<SleepResult>(r);
            Assert.Equal(Sleep, ((SleepResult)r).SleepSeconds);
        }
        Assert.All(sink.WorkersStarted, w => Assert.False(ProcessProbe.IsAlive(w.ProcessId), $"worker {w.ProcessId} outlived the run"));
    }

    [Fact]
    public void Process_mode_with_one_worker_per_item_reproduces_one_process_per_item()
    {
        var sink = new RecordingSink();
        BatchRunner.Run(TestWorkloads.Sleep(ExecutionMode.Process, 3, Sleep, throttleLimit: 3), sink);

        Assert.Equal(3, sink.Results.Select(r => r.ProcessId).Distinct().Count());
        Assert.Equal(3, Timeline.PeakConcurrency(sink.Results));
    }

    [Fact]
    public void Items_stream_in_completion_order_by_default_and_in_input_order_when_ordered()
    {
        double[] seconds = [0.6, 0.1, 0.35];
        var completion = new RecordingSink();
        BatchRunner.Run(new BatchRequest { Workload = new SleepWorkload(seconds), Modes = [ExecutionMode.Thread] }, completion);
        var ordered = new RecordingSink();
        BatchRunner.Run(new BatchRequest { Workload = new SleepWorkload(seconds), Modes = [ExecutionMode.Thread], Ordered = true }, ordered);

        Assert.Equal([1, 2, 0], completion.Results.Select(r => r.Index));
        Assert.Equal([0, 1, 2], ordered.Results.Select(r => r.Index));
    }

    [Fact]
    public void Every_result_is_stamped_with_the_run_and_the_item()
    {
        var results = Run(ExecutionMode.Pool, 3, throttleLimit: 2);

        Assert.Single(results.Select(r => r.RunId).Distinct());
        Assert.Equal([0, 1, 2], results.Select(r => r.Index).Order());
        Assert.All(results, r =>
        {
            Assert.Equal("Sleep", r.Workload);
            Assert.Equal(ExecutionMode.Pool, r.Mode);
            Assert.Equal(Environment.ProcessId, r.ProcessId);
            Assert.Contains("sleep", r.Label);
            Assert.Equal(r.EndSeconds - r.StartSeconds, r.DurationSeconds, 6);
            Assert.InRange(r.DurationSeconds, Sleep * 0.9, Sleep * 10);
            Assert.Equal("", r.Error);
        });
    }

    [Fact]
    public void Summary_counts_items_and_measures_overlap()
    {
        var sink = new RecordingSink();
        var summary = BatchRunner.Run(TestWorkloads.Sleep(ExecutionMode.Thread, 5, Sleep), sink).Single();

        Assert.Equal(5, summary.ItemCount);
        Assert.Equal(5, summary.Succeeded);
        Assert.Equal(0, summary.Failed);
        Assert.Equal(5, summary.PeakConcurrency);
        Assert.True(summary.ElapsedSeconds < summary.ItemSeconds, "overlapping items take less time than their sum");
        Assert.Equal(5, sink.Events.OfType<Events.BatchProgressEvent>().Count());
        Assert.Equal(5, sink.Events.OfType<Events.BatchProgressEvent>().Last().Completed);
    }

    private static List<ItemResult> Run(ExecutionMode mode, int count, int throttleLimit = 0, double seconds = Sleep)
    {
        var sink = new RecordingSink();
        BatchRunner.Run(TestWorkloads.Sleep(mode, count, seconds, throttleLimit), sink);
        var results = sink.Results.ToList();
        Assert.Equal(count, results.Count);
        Assert.All(results, r => Assert.True(r.Success, r.Error));
        return results;
    }
}
