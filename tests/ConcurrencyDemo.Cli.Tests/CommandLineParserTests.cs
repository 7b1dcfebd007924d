using ConcurrencyDemo.Cli.Arguments;

namespace ConcurrencyDemo.Cli.Tests;

public sealed class CommandLineParserTests
{
    private static readonly OptionSpec[] Specs =
    [
        OptionSpec.Value("count", "N", ""),
        OptionSpec.List("seconds", "S", ""),
        OptionSpec.Flag("ordered", ""),
    ];

    [Fact]
    public void ValuesMayFollowTheOption_OrAnEqualsSign()
    {
        var options = CommandLineParser.Parse(["--count", "3", "--seconds=0.5"], Specs);

        Assert.Equal(3, options.GetInt32("count", 10, 0));
        Assert.Equal([0.5], options.GetDoubles("seconds", 0, 10));
        Assert.False(options.Has("ordered"));
    }

    [Fact]
    public void ListValues_SplitAtCommas_AndRepeatedOptionsAddUp()
    {
        var options = CommandLineParser.Parse(["--seconds", "5,4", "--seconds=3", "--ordered"], Specs);

        Assert.Equal([5.0, 4.0, 3.0], options.GetDoubles("seconds", 0, 10));
        Assert.True(options.Has("ordered"));
    }

    [Fact]
    public void ANegativeNumber_IsAValue_SoItsRangeIsWhatGetsReported()
    {
        var options = CommandLineParser.Parse(["--count", "-1"], Specs);

        var error = Assert.Throws<UsageException>(() => options.GetInt32("count", 10, 0));
        Assert.StartsWith("--count:", error.Message);
        Assert.Contains("0 or more", error.Message);
    }

    [Fact]
    public void AbsentOptions_GiveTheDefault()
    {
        var options = CommandLineParser.Parse([], Specs);

        Assert.Equal(10, options.GetInt32("count", 10, 0));
        Assert.Empty(options.GetDoubles("seconds", 0, 10));
    }

    [Theory]
    [InlineData("--count: needs a value", "--count", "--ordered")]
    [InlineData("--count: given more than once", "--count", "1", "--count", "2")]
    [InlineData("--ordered: takes no value", "--ordered=true")]
    [InlineData("--nope: unknown option", "--nope")]
    [InlineData("unexpected argument '-c'", "-c", "3")]
    public void MalformedCommandLines_AreRejected(string expected, params string[] arguments)
    {
        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(arguments, Specs));

        Assert.StartsWith(expected, error.Message);
    }
}
