using System.Text.Json;
using ConcurrencyDemo.Cli.Output;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads.Sleep;

namespace ConcurrencyDemo.Cli.Tests;

public sealed class SleepJsonOutputTests
{
    [Fact]
    public void JsonFormat_WritesOneObjectPerLine_WithTheCsvColumnNames()
    {
        var run = CliProgram.Run("sleep", "--count", "3", "--seconds", "0.05", "--mode", "async", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Equal(3, run.StdoutLines.Length);
        var expectedNames = ResultColumn.For(typeof(SleepResult)).Select(c => c.Name).ToList();
        foreach (string line in run.StdoutLines)
        {
            using var item = JsonDocument.Parse(line);
            var root = item.RootElement;
            Assert.Equal(expectedNames, root.EnumerateObject().Select(p => p.Name));
            Assert.Equal("Async", root.GetProperty("Mode").GetString());
            Assert.True(root.GetProperty("Success").GetBoolean());
            Assert.Equal(0.05, root.GetProperty("SleepSeconds").GetDouble());
            Assert.Equal(JsonValueKind.Number, root.GetProperty("EndSeconds").ValueKind);
        }
    }

    [Fact]
    public void Ordered_ReportsItemsInInputOrder_ThoughTheyFinishInReverse()
    {
        var run = CliProgram.Run("sleep", "--seconds", "0.8,0.4,0.05", "--mode", "thread", "--ordered", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([0, 1, 2], Indices(run));
    }

    [Fact]
    public void Unordered_ReportsItemsAsTheyFinish()
    {
        var run = CliProgram.Run("sleep", "--seconds", "0.8,0.4,0.05", "--mode", "thread", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([2, 1, 0], Indices(run));
    }

    private static int[] Indices(CliResult run) =>
        run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("Index").GetInt32()).ToArray();
}
