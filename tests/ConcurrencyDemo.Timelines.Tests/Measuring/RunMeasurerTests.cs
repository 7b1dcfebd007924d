using ConcurrencyDemo.Timelines.Measuring;
using static ConcurrencyDemo.Timelines.Tests.Samples;

namespace ConcurrencyDemo.Timelines.Tests.Measuring;

public class RunMeasurerTests
{
    [Fact]
    public void A_pool_of_six_on_ten_items_is_two_rounds_five_times_faster_than_the_sequential_run()
    {
        var measurements = RunMeasurer.Measure([Sequential(), PoolOfSixTakingTwoRounds()]);

        var sequential = measurements[0];
        Assert.Equal(10.0, sequential.ElapsedSeconds, 9);
        Assert.Equal(1.0, sequential.SpeedUp, 9);
        Assert.Equal(RunMeasurer.SequentialBaseline, sequential.SpeedUpBaseline);

        var pool = measurements[1];
        Assert.Equal("Pool", pool.Mode);
        Assert.Equal(10, pool.Items);
        // From the first lane asked for (0.001 s) to the last end (2.01 s).
        Assert.Equal(2.009, pool.ElapsedSeconds, 9);
        Assert.Equal(10.0, pool.WorkSeconds, 9);
        Assert.Equal(10.0 / 2.009, pool.AverageConcurrency, 9);
        Assert.Equal(6, pool.PeakConcurrency);
        Assert.Equal(10.0 / 2.009, pool.SpeedUp, 9);
        Assert.Equal(RunMeasurer.SequentialBaseline, pool.SpeedUpBaseline);
        Assert.Equal(6, pool.Lanes);
        Assert.Equal(6, pool.Threads);
        Assert.Equal(1, pool.Processes);
        Assert.Equal(0.0005, pool.WorkerStartupSeconds, 9);
    }

    [Fact]
    public void Without_a_sequential_run_the_speed_up_is_the_work_over_the_elapsed_time()
    {
        var pool = RunMeasurer.Measure([PoolOfSixTakingTwoRounds()]).Single();

        Assert.Equal(RunMeasurer.WorkBaseline, pool.SpeedUpBaseline);
        Assert.Equal(pool.AverageConcurrency, pool.SpeedUp);
    }

    [Fact]
    public void Only_a_sequential_run_of_the_same_workload_and_item_count_is_a_baseline()
    {
        var measurements = RunMeasurer.Measure([Sequential(count: 20, runId: "more"), Sequential(workload: "Convert", runId: "other"), PoolOfSixTakingTwoRounds()]);

        Assert.Equal(RunMeasurer.WorkBaseline, measurements[2].SpeedUpBaseline);
    }

    [Fact]
    public void The_nearest_sequential_run_before_a_run_is_its_baseline_else_the_first_after()
    {
        var slow = Sequential(seconds: 2, runId: "slow");
        var fast = Sequential(seconds: 1, runId: "fast");

        var before = RunMeasurer.Measure([slow, PoolOfSixTakingTwoRounds("a"), fast, PoolOfSixTakingTwoRounds("b")]);
        var after = RunMeasurer.Measure([PoolOfSixTakingTwoRounds("c"), slow]);

        Assert.Equal(20.0 / 2.009, before[1].SpeedUp, 9);
        Assert.Equal(10.0 / 2.009, before[3].SpeedUp, 9);
        Assert.Equal(20.0 / 2.009, after[0].SpeedUp, 9);
    }

    [Fact]
    public void Worker_processes_count_as_processes_and_their_start_up_as_the_slowest_one_s()
    {
        var process = RunMeasurer.Measure([TwoWorkerProcesses()]).Single();

        Assert.Equal(2, process.Lanes);
        // Thread 1 in each of two processes is two threads.
        Assert.Equal(2, process.Threads);
        Assert.Equal(2, process.Processes);
        Assert.Equal(0.16, process.WorkerStartupSeconds, 9);
        Assert.Equal(1.20, process.ElapsedSeconds, 9);
        Assert.Equal("dotnet", process.WorkerHost);
    }

    [Fact]
    public void Failed_items_are_counted_and_still_measured()
    {
        var run = TimelineRun.Group([Item("Thread-1", 0, 0, 1, mode: "Thread"), Item("Thread-2", 1, 0, 0.5, mode: "Thread", success: false)]).Single();

        var measurement = RunMeasurer.Measure([run]).Single();

        Assert.Equal(2, measurement.Items);
        Assert.Equal(1, measurement.Failed);
        Assert.Equal(1.5, measurement.WorkSeconds, 9);
        Assert.Equal(2, measurement.PeakConcurrency);
    }

    [Fact]
    public void A_run_that_took_no_time_has_no_speed_up_rather_than_an_infinite_one()
    {
        var run = TimelineRun.Group([Item("Task-1", 0, 0.5, 0.5, mode: "Async"), Item("Task-2", 1, 0.5, 0.5, mode: "Async")]).Single();

        var measurement = RunMeasurer.Measure([run]).Single();

        Assert.Equal(0, measurement.ElapsedSeconds);
        Assert.Equal(0, measurement.SpeedUp);
        Assert.Equal(0, measurement.AverageConcurrency);
        Assert.Equal(0, measurement.PeakConcurrency);
    }
}
