using System.Diagnostics;
using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Workloads;
using ConcurrencyDemo.Engine.Workloads.Sleep;

namespace ConcurrencyDemo.Engine.Tests;

/// <summary>The tutorial's two interleaving tasks: an item that sleeps in equal steps and says so at each.</summary>
public class SleepStepsTests
{
    public static TheoryData<ExecutionMode> AllModes => new(Enum.GetValues<ExecutionMode>());

    [Theory]
    [MemberData(nameof(AllModes))]
    public void Each_step_is_a_line_of_the_item(ExecutionMode mode)
    {
        var sink = new RecordingSink();
        var request = TestWorkloads.Sleep(mode, 0, 0) with { Workload = new SleepWorkload([0.6, 0.6], steps: 3), ThrottleLimit = 2 };

        BatchRunner.Run(request, sink);

        var lines = sink.Events.OfType<ItemLogEvent>().ToList();
        foreach (int index in new[] { 0, 1 })
        {
            var own = lines.Where(l => l.Index == index).Select(l => l.Message).ToList();
            Assert.Equal(
                ["Sleeping 0.6 second(s) in 3 steps of 0.2 s...", "Step 1 of 3 (0.2 s)", "Step 2 of 3 (0.2 s)", "Step 3 of 3 (0.2 s)", "Done sleeping 0.6 second(s)"],
                own);
        }
    }

    /// <summary>
    /// Only where each item has a thread of its own from the start: worker processes may become ready far apart on
    /// a busy machine, and Async steps are continuations on the shared thread pool, which other tests running at the
    /// same time can hold up long enough to bunch the lines.
    /// </summary>
    [Theory]
    [InlineData(ExecutionMode.Thread)]
    [InlineData(ExecutionMode.Pool)]
    public void The_steps_of_two_items_that_run_at_once_interleave(ExecutionMode mode)
    {
        var sink = new RecordingSink();
        var request = TestWorkloads.Sleep(mode, 0, 0) with { Workload = new SleepWorkload([1.2, 1.2], steps: 3), ThrottleLimit = 2 };

        BatchRunner.Run(request, sink);

        // Both items' second steps come before either's third: the items ran side by side.
        var lines = sink.Events.OfType<ItemLogEvent>().ToList();
        int lastSecondStep = lines.FindLastIndex(l => l.Message.StartsWith("Step 2 ", StringComparison.Ordinal));
        int firstThirdStep = lines.FindIndex(l => l.Message.StartsWith("Step 3 ", StringComparison.Ordinal));
        Assert.True(lastSecondStep < firstThirdStep, string.Join("\n", lines.Select(l => l.ToLine())));
    }

    [Theory]
    [InlineData(ExecutionMode.Sequential)]
    [InlineData(ExecutionMode.Thread)]
    public void The_steps_add_up_to_the_item_s_seconds_not_more(ExecutionMode mode)
    {
        var sink = new RecordingSink();
        var request = TestWorkloads.Sleep(mode, 0, 0) with { Workload = new SleepWorkload([0.5], steps: 50) };

        BatchRunner.Run(request, sink);

        var result = Assert.Single(sink.Results);
        Assert.True(result.Success, result.Error);
        // Fifty 10 ms waits that each overslept a little would add up well beyond half a second.
        Assert.InRange(result.DurationSeconds, 0.49, 0.9);
    }

    [Theory]
    [InlineData(ExecutionMode.Thread)]
    [InlineData(ExecutionMode.Async)]
    public void Cancelling_wakes_an_item_in_the_middle_of_a_step(ExecutionMode mode)
    {
        using var cancel = new CancellationTokenSource();
        var sink = new RecordingSink(e =>
        {
            if (e is ItemLogEvent { Message: "Step 2 of 10 (3 s)" }) cancel.Cancel();
        });
        var request = TestWorkloads.Sleep(mode, 0, 0) with { Workload = new SleepWorkload([30], steps: 10) };

        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => BatchRunner.Run(request, sink, cancel.Token));

        // Cancelled three seconds in, during the second step; the whole sleep is thirty.
        Assert.True(clock.Elapsed.TotalSeconds < 15, $"Run returned after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.DoesNotContain(sink.Events.OfType<ItemLogEvent>(), l => l.Message.StartsWith("Step 3 ", StringComparison.Ordinal));
    }

    [Fact]
    public void One_step_is_the_plain_sleep_with_no_step_lines()
    {
        var sink = new RecordingSink();
        BatchRunner.Run(TestWorkloads.Sleep(ExecutionMode.Async, 1, 0.05), sink);

        Assert.Equal(["Sleeping 0.05 second(s)...", "Done sleeping 0.05 second(s)"], sink.Events.OfType<ItemLogEvent>().Select(l => l.Message));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(SleepWorkload.MaxSteps + 1)]
    public void Impossible_step_counts_are_refused_with_the_setting_named(int steps)
    {
        var error = Assert.Throws<InvalidSettingException>(() => SleepWorkload.FromInput(2, [1], steps: steps));
        Assert.Equal(SleepWorkload.StepsSetting, error.Setting);
        Assert.Contains(steps.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void Steps_cross_to_a_worker_process_with_the_seconds()
    {
        var restored = (SleepWorkload)WorkloadCatalog.Restore("Sleep", new SleepWorkload([2, 0.5], steps: 4).SaveSettings());

        Assert.Equal([2.0, 0.5], restored.Seconds);
        Assert.Equal(4, restored.Steps);
    }

    [Fact]
    public void Settings_of_seconds_alone_are_one_step_each()
    {
        var restored = (SleepWorkload)WorkloadCatalog.Restore("Sleep", System.Text.Json.JsonDocument.Parse("[0.5, 1]").RootElement);

        Assert.Equal([0.5, 1.0], restored.Seconds);
        Assert.Equal(1, restored.Steps);
    }
}
