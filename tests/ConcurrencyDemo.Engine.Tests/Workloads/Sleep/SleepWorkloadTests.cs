using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads;
using ConcurrencyDemo.Engine.Workloads.Sleep;
using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.Tests;

public class SleepWorkloadTests
{
    [Fact]
    public void Several_seconds_make_one_item_each_like_the_tutorials_secs_list()
    {
        var workload = SleepWorkload.Create(10, [5, 4, 3, 2, 1]);
        Assert.Equal([5.0, 4, 3, 2, 1], workload.Seconds);
    }

    [Fact]
    public void One_seconds_value_is_repeated_count_times()
    {
        Assert.Equal(Enumerable.Repeat(1.5, 7), SleepWorkload.Create(7, [1.5]).Seconds);
        Assert.Equal(Enumerable.Repeat(1.0, 3), SleepWorkload.Create(3, []).Seconds);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(100_000)]
    public void Impossible_sleep_times_are_refused_with_the_value_named(double seconds)
    {
        var error = Assert.Throws<InvalidSettingException>(() => SleepWorkload.Create(2, [seconds]));
        Assert.Equal(SleepWorkload.SecondsSetting, error.Setting);
        Assert.Contains("Sleep time", error.Message);
    }

    [Fact]
    public void A_negative_count_is_refused()
    {
        var error = Assert.Throws<InvalidSettingException>(() => SleepWorkload.Create(-1, [1]));
        Assert.Equal(SleepWorkload.CountSetting, error.Setting);
        Assert.Contains("count", error.Message);
    }

    [Fact]
    public void Settings_round_trip_to_a_worker_process()
    {
        var original = new SleepWorkload([0.25, 3]);
        var restored = (SleepWorkload)WorkloadCatalog.Restore("sleep", original.SaveSettings());
        Assert.Equal(original.Seconds, restored.Seconds);
        Assert.Equal(original.GetLabel(1), restored.GetLabel(1));
    }

    [Fact]
    public void An_empty_batch_finishes_at_once_with_no_results()
    {
        var sink = new RecordingSink();
        var summary = BatchRunner.Run(new BatchRequest { Workload = SleepWorkload.Create(0, [1]), Modes = [ExecutionMode.Pool] }, sink).Single();
        Assert.Empty(sink.Results);
        Assert.Equal(0, summary.ItemCount);
    }
}

public class TimelineTests
{
    [Fact]
    public void Peak_concurrency_counts_overlapping_intervals_and_not_touching_ones()
    {
        ItemResult Item(double start, double end) => new() { StartSeconds = start, EndSeconds = end };

        Assert.Equal(0, Timeline.PeakConcurrency([]));
        Assert.Equal(1, Timeline.PeakConcurrency([Item(0, 1), Item(1, 2), Item(2, 3)]));
        Assert.Equal(3, Timeline.PeakConcurrency([Item(0, 1), Item(0.5, 2), Item(0.9, 1.1), Item(1.5, 3)]));
    }
}

/// <summary>The one rule that turns a count and sleep lengths into items, for every front end.</summary>
public class SleepInputRuleTests
{
    [Fact]
    public void A_single_value_is_the_length_of_each_of_count_items_and_none_means_one_second()
    {
        Assert.Equal(Enumerable.Repeat(0.5, 3), SleepWorkload.FromInput(3, [0.5]).Seconds);
        Assert.Equal(Enumerable.Repeat(1.0, SleepWorkload.DefaultCount), SleepWorkload.FromInput(null, []).Seconds);
    }

    [Fact]
    public void Several_values_or_values_that_are_items_make_one_item_each()
    {
        Assert.Equal([5.0, 4, 3], SleepWorkload.FromInput(null, [5, 4, 3]).Seconds);
        Assert.Equal([2.0], SleepWorkload.FromInput(null, [2], valuesAreItems: true).Seconds);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_count_with_one_item_per_value_is_refused_naming_the_count(bool valuesAreItems)
    {
        double[] seconds = valuesAreItems ? [1] : [1, 2];
        var error = Assert.Throws<InvalidSettingException>(() => SleepWorkload.FromInput(3, seconds, valuesAreItems));
        Assert.Equal(SleepWorkload.CountSetting, error.Setting);
    }

    [Fact]
    public void A_negative_count_and_an_impossible_length_are_refused_naming_their_setting()
    {
        Assert.Equal(SleepWorkload.CountSetting, Assert.Throws<InvalidSettingException>(() => SleepWorkload.FromInput(-1, [])).Setting);
        Assert.Equal(SleepWorkload.SecondsSetting, Assert.Throws<InvalidSettingException>(() => SleepWorkload.FromInput(null, [1, double.NaN])).Setting);
    }
}
