namespace ConcurrencyDemo.Cli.Tests;

public sealed class HelpAndVersionTests
{
    [Fact]
    public void Help_ListsTheCommands()
    {
        var run = CliProgram.Run("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.StdoutLines, l => l.TrimStart().StartsWith("sleep ", StringComparison.Ordinal));
        Assert.Contains(run.StdoutLines, l => l.TrimStart().StartsWith("worker ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("help")]
    public void HelpAliases_ShowTheProgramHelp(string help)
    {
        var run = CliProgram.Run(help);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Usage: concurrency-demo <command> [options]", run.StdoutLines[0]);
    }

    [Fact]
    public void NoArguments_ShowsHelpOnStderr_AndExitsWith2()
    {
        var run = CliProgram.Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("Usage:", run.Stderr);
    }

    [Fact]
    public void SleepHelp_ListsEveryOption_EvenBesideABadOne()
    {
        var run = CliProgram.Run("sleep", "--count", "x", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Usage: concurrency-demo sleep [options]", run.StdoutLines[0]);
        foreach (string option in new[] { "--count", "--seconds", "--mode", "--throttle-limit", "--ordered", "--format", "--verbose", "--help" })
            Assert.Contains(run.StdoutLines, l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal) || l.Trim() == option);
    }

    [Fact]
    public void ConvertHelp_ShowsTheSynopsis_AndEveryOption()
    {
        var run = CliProgram.Run("convert", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Usage: concurrency-demo convert <file>... --out DIR [options]", run.StdoutLines[0]);
        foreach (string option in new[] { "--out", "--blur-radius", "--max-size", "--format", "--quality", "--force", "--apply-orientation",
                     "--mode", "--throttle-limit", "--ordered", "--results", "--verbose", "--help" })
            Assert.Contains(run.StdoutLines, l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal) || l.Trim() == option);
    }

    [Fact]
    public void Help_ListsConvert()
    {
        var run = CliProgram.Run("--help");

        Assert.Contains(run.StdoutLines, l => l.TrimStart().StartsWith("convert ", StringComparison.Ordinal));
    }

    /// <summary>A lone --version is answered before parsing; with more words the parser answers it, the same way.</summary>
    [Theory]
    [InlineData("--version")]
    [InlineData("--version", "sleep")]
    public void Version_PrintsTheProgramAndItsVersion(params string[] arguments)
    {
        var run = CliProgram.Run(arguments);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^concurrency-demo \d+\.\d+\.\d+ \(\.NET \d+\.\d+\.\d+\)$", Assert.Single(run.StdoutLines));
    }
}
