using ConcurrencyDemo.Cli.Output;
using ConcurrencyDemo.Engine;

namespace ConcurrencyDemo.Cli.Tests;

public sealed class SleepOptionTests
{
    [Fact]
    public void AbsentOptions_GiveTheDefaults()
    {
        var result = CommandLine.ParseValid("sleep");

        Assert.Equal(10, result.GetValue<int>("--count"));
        Assert.Empty(result.GetValue<IReadOnlyList<double>>("--seconds")!);
        Assert.Equal([ExecutionMode.Sequential, ExecutionMode.Thread], result.GetValue<IReadOnlyList<ExecutionMode>>("--mode"));
        Assert.Equal(0, result.GetValue<int>("--throttle-limit"));
        Assert.False(result.GetValue<bool>("--ordered"));
        Assert.Equal(OutputFormat.Table, result.GetValue<OutputFormat>("--format"));
        Assert.False(result.GetValue<bool>("--verbose"));
    }

    [Fact]
    public void ValuesMayFollowTheOption_OrAnEqualsSign()
    {
        var result = CommandLine.ParseValid("sleep", "--count", "3", "--seconds=0.5", "--throttle-limit=4");

        Assert.Equal(3, result.GetValue<int>("--count"));
        Assert.Equal([0.5], result.GetValue<IReadOnlyList<double>>("--seconds"));
        Assert.Equal(4, result.GetValue<int>("--throttle-limit"));
    }

    [Fact]
    public void ListValues_SplitAtCommas_AndRepeatedOptionsAddUp()
    {
        var result = CommandLine.ParseValid("sleep", "--seconds", "5,4", "--seconds=3", "--mode", "pool", "--mode", "sequential, THREAD");

        Assert.Equal([5.0, 4.0, 3.0], result.GetValue<IReadOnlyList<double>>("--seconds"));
        Assert.Equal([ExecutionMode.Pool, ExecutionMode.Sequential, ExecutionMode.Thread], result.GetValue<IReadOnlyList<ExecutionMode>>("--mode"));
    }

    [Fact]
    public void ModeAll_IsEveryMode_InTheOrderOfTheTutorial()
    {
        var result = CommandLine.ParseValid("sleep", "--mode", "all");

        Assert.Equal(Enum.GetValues<ExecutionMode>(), result.GetValue<IReadOnlyList<ExecutionMode>>("--mode"));
    }

    [Theory]
    [InlineData("table", OutputFormat.Table)]
    [InlineData("CSV", OutputFormat.Csv)]
    [InlineData("json", OutputFormat.Json)]
    public void Format_IsAWord_InAnyCase(string word, OutputFormat expected)
    {
        Assert.Equal(expected, CommandLine.ParseValid("sleep", "--format", word).GetValue<OutputFormat>("--format"));
    }

    [Fact]
    public void Flags_AreSetByTheirName()
    {
        var result = CommandLine.ParseValid("sleep", "--ordered", "--verbose");

        Assert.True(result.GetValue<bool>("--ordered"));
        Assert.True(result.GetValue<bool>("--verbose"));
    }

    [Theory]
    [InlineData("--count: '1.5' is not a whole number.", "--count", "1.5")]
    [InlineData("--count: 99999999999 is too large; it must be 2147483647 or less.", "--count", "99999999999")]
    [InlineData("--seconds: 'NaN' is not a number.", "--seconds", "NaN")]
    [InlineData("--seconds: '1,,2' has an empty item in its list.", "--seconds", "1,,2")]
    [InlineData("--mode: unknown mode '7'; expected sequential, thread, pool, process, async or all.", "--mode", "7")]
    [InlineData("--format: unknown value '1'; expected table, csv or json.", "--format", "1")]
    public void ABadValue_IsOneErrorNamingItsOption(string expected, params string[] arguments)
    {
        Assert.Equal(expected, CommandLine.SingleError(["sleep", .. arguments]));
    }

    [Fact]
    public void AnOptionGivenTwice_IsAnError_UnlessItIsAList()
    {
        Assert.Contains("'--count'", CommandLine.SingleError("sleep", "--count", "1", "--count", "2"));
    }
}
