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

    [Fact]
    public void Positionals_AreKeptInOrder_AmongTheOptions_WhenTheCommandTakesThem()
    {
        var options = CommandLineParser.Parse(["a.jpg", "--count", "3", "b.jpg", "--ordered", "-"], Specs, allowPositionals: true);

        Assert.Equal(["a.jpg", "b.jpg", "-"], options.Positionals);
        Assert.Equal(3, options.GetInt32("count", 10, 0));
        Assert.True(options.Has("ordered"));
    }

    [Fact]
    public void DoubleDash_EndsTheOptions_SoFileNamesMayStartWithDashes()
    {
        var options = CommandLineParser.Parse(["--count", "3", "--", "--ordered", "-x.jpg", "--"], Specs, allowPositionals: true);

        Assert.Equal(["--ordered", "-x.jpg", "--"], options.Positionals);
        Assert.False(options.Has("ordered"));
    }

    [Fact]
    public void HelpAfterDoubleDash_IsAFileName()
    {
        Assert.True(CommandLineParser.IsHelpRequested(["a.jpg", "-h"]));
        Assert.False(CommandLineParser.IsHelpRequested(["--", "-h", "--help"]));
    }

    [Theory]
    [InlineData("unexpected argument '10'", "10")]
    [InlineData("unexpected argument 'x'", "--", "x")]
    public void Positionals_AreRejected_WhenTheCommandTakesNone(string expected, params string[] arguments)
    {
        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(arguments, Specs));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void ASingleDashOption_IsRejected_EvenWhereFilesAreTaken()
    {
        var error = Assert.Throws<UsageException>(() => CommandLineParser.Parse(["a.jpg", "-o", "x"], Specs, allowPositionals: true));

        Assert.StartsWith("unknown option '-o'", error.Message);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("0", 0.0)]
    public void GetDouble_ReadsOneNumber(string text, double expected)
    {
        var options = CommandLineParser.Parse(["--count", text], Specs);

        Assert.Equal(expected, options.GetDouble("count", 9, 0, 10));
    }

    [Theory]
    [InlineData("-1", "out of range")]
    [InlineData("11", "out of range")]
    [InlineData("NaN", "not a number")]
    [InlineData("1,5", "not a number")]
    public void GetDouble_RejectsWhatIsNoNumberInRange(string text, string problem)
    {
        var options = CommandLineParser.Parse(["--count", text], Specs);

        var error = Assert.Throws<UsageException>(() => options.GetDouble("count", 9, 0, 10));
        Assert.StartsWith("--count:", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void GetInt32_HonoursAMaximum()
    {
        var options = CommandLineParser.Parse(["--count", "101"], Specs);

        var error = Assert.Throws<UsageException>(() => options.GetInt32("count", 75, 1, maximum: 100));
        Assert.Contains("100 or less", error.Message);
    }
}
