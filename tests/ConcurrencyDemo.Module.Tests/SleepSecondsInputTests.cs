using ConcurrencyDemo.Sleep;

namespace ConcurrencyDemo.Module.Tests;

public class SleepSecondsInputTests
{
    private static SleepSecondsInput With(params double[] seconds)
    {
        var input = new SleepSecondsInput();
        input.Add(seconds);
        return input;
    }

    [Fact]
    public void No_seconds_means_Count_items_of_one_second()
    {
        var workload = new SleepSecondsInput().CreateWorkload(count: 10, countGiven: false, fromPipeline: false);
        Assert.Equal(Enumerable.Repeat(1.0, 10), workload.Seconds);
    }

    [Fact]
    public void One_value_typed_as_a_parameter_is_the_length_of_each_of_Count_items()
    {
        var workload = With(0.25).CreateWorkload(count: 3, countGiven: true, fromPipeline: false);
        Assert.Equal(new[] { 0.25, 0.25, 0.25 }, workload.Seconds);
    }

    [Fact]
    public void Several_values_are_one_item_each_like_the_tutorial_secs_list()
    {
        var workload = With(5, 4, 3, 2, 1).CreateWorkload(count: 10, countGiven: false, fromPipeline: false);
        Assert.Equal(new double[] { 5, 4, 3, 2, 1 }, workload.Seconds);
    }

    [Fact]
    public void Values_from_the_pipeline_are_one_item_each_even_a_single_one()
    {
        var input = new SleepSecondsInput();
        input.Add([0.5]); // one ProcessRecord per piped value
        Assert.Equal(new[] { 0.5 }, input.CreateWorkload(count: 10, countGiven: false, fromPipeline: true).Seconds);
        input.Add([0.2]);
        Assert.Equal(new[] { 0.5, 0.2 }, input.CreateWorkload(count: 10, countGiven: false, fromPipeline: true).Seconds);
    }

    [Fact]
    public void An_empty_pipeline_runs_nothing_rather_than_the_default_batch()
    {
        var workload = new SleepSecondsInput().CreateWorkload(count: 10, countGiven: false, fromPipeline: true);
        Assert.Equal(0, workload.Count);
    }

    [Fact]
    public void Count_with_several_values_is_refused_naming_Count()
    {
        var error = Assert.Throws<ArgumentException>(() => With(1, 2).CreateWorkload(count: 3, countGiven: true, fromPipeline: false));
        Assert.Equal(SleepSecondsInput.CountParameter, error.ParamName);
        Assert.Contains("-Count", error.Message);
    }

    [Fact]
    public void A_negative_count_is_refused_naming_Count()
    {
        var error = Assert.Throws<ArgumentException>(() => new SleepSecondsInput().CreateWorkload(count: -1, countGiven: true, fromPipeline: false));
        Assert.Equal("Count", error.ParamName);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(86_401.0)]
    public void A_bad_sleep_length_is_refused_naming_Seconds_with_the_engine_reason(double seconds)
    {
        var error = Assert.Throws<ArgumentException>(() => With(0.1, seconds).CreateWorkload(count: 10, countGiven: false, fromPipeline: false));
        Assert.Equal("Seconds", error.ParamName);
        Assert.Contains("must be a number of seconds from 0 to 86400", error.Message);
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
    }
}
