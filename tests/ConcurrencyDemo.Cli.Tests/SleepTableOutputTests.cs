namespace ConcurrencyDemo.Cli.Tests;

public sealed class SleepTableOutputTests
{
    [Fact]
    public void Table_HasAlignedRows_ASummaryPerRun_AndAComparison()
    {
        var run = CliProgram.Run("sleep", "--count", "2", "--seconds", "0.05", "--mode", "sequential,thread");

        Assert.Equal(0, run.ExitCode);
        var lines = run.StdoutLines;
        var headers = lines.Where(l => l.StartsWith("Mode ", StringComparison.Ordinal) && l.EndsWith("Result", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, headers.Count);
        int resultColumn = headers[0].IndexOf("Result", StringComparison.Ordinal);

        var itemRows = lines.Where(l => l.EndsWith("  OK", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, itemRows.Count);
        Assert.Equal(2, itemRows.Count(l => l.StartsWith("Sequential ", StringComparison.Ordinal)));
        Assert.Equal(2, itemRows.Count(l => l.StartsWith("Thread ", StringComparison.Ordinal)));
        Assert.All(itemRows, row => Assert.Equal(resultColumn, row.LastIndexOf("OK", StringComparison.Ordinal)));

        Assert.Contains(lines, l => l.StartsWith("Sequential: 2 items in ", StringComparison.Ordinal) && l.Contains("peak concurrency 1"));
        Assert.Contains(lines, l => l.StartsWith("Thread: 2 items in ", StringComparison.Ordinal));
        Assert.Contains("Comparison (speed-up vs Sequential):", lines);
        Assert.Contains(lines, l => l.StartsWith("Sequential ", StringComparison.Ordinal) && l.EndsWith("1.00x", StringComparison.Ordinal));
    }

    [Fact]
    public void Verbose_WritesItemLinesToStderr_AndLeavesStdoutToResults()
    {
        var run = CliProgram.Run("sleep", "--count", "2", "--seconds", "0.05", "--mode", "pool", "--format", "csv", "--verbose");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.StderrLines.Count(l => l.Contains("Sleeping 0.05 second(s)...")));
        Assert.DoesNotContain(run.StdoutLines, l => l.Contains("Sleeping"));
        Assert.Equal(3, run.StdoutLines.Length);
    }
}
