namespace ConcurrencyDemo.Cli.Tests;

public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("--count", "--count", "-1")]
    [InlineData("--count", "--count", "x")]
    [InlineData("--count", "--count")]
    [InlineData("--mode", "--mode", "nope")]
    [InlineData("--mode", "--mode", "thread,,pool")]
    [InlineData("--seconds", "--seconds", "-1")]
    [InlineData("--seconds", "--seconds", "1,86401")]
    [InlineData("--seconds", "--seconds", "1,abc")]
    [InlineData("--throttle-limit", "--throttle-limit", "-3")]
    [InlineData("--format", "--format", "xml")]
    [InlineData("--frobnicate", "--frobnicate")]
    [InlineData("--ordered", "--ordered=yes")]
    [InlineData("--ordered", "--ordered", "yes")]
    [InlineData("--count", "--count", "1", "--count", "2")]
    [InlineData("--count", "--count", "3", "--seconds", "1,2")]
    public void BadOption_ExitsWith2_AndOneLineNamingTheOption(string option, params string[] arguments)
    {
        var run = CliProgram.Run(["sleep", .. arguments]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        string line = Assert.Single(run.StderrLines);
        Assert.StartsWith("concurrency-demo sleep: ", line);
        Assert.Contains(option, line);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Exception", run.Stderr);
    }

    [Fact]
    public void UnknownCommand_ExitsWith2_NamingIt()
    {
        var run = CliProgram.Run("frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'frobnicate'", Assert.Single(run.StderrLines));
    }

    [Fact]
    public void PositionalArgument_ExitsWith2()
    {
        var run = CliProgram.Run("sleep", "10");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'10'", Assert.Single(run.StderrLines));
    }

    [Fact]
    public void Commands_AreMatchedIgnoringCase()
    {
        var run = CliProgram.Run("SLEEP", "--count", "1", "--seconds", "0", "--mode", "thread", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.StdoutLines.Length);
    }
}
