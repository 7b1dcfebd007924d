using ConcurrencyDemo.Cli.Output;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads.Sleep;

namespace ConcurrencyDemo.Cli.Tests;

public sealed class SleepCsvOutputTests
{
    [Fact]
    public void ThreadMode_WritesOneHeaderAndARowPerItem_WithOverlappingItems()
    {
        var run = CliProgram.Run("sleep", "--count", "4", "--seconds", "0.3", "--mode", "thread", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        var table = CsvTable.Parse(run.Stdout);
        Assert.Equal(ResultColumn.For(typeof(SleepResult)).Select(c => c.Name), table.Header);
        // Where each item ran sits together: the process, then what kind of program that process was.
        var header = table.Header.ToList();
        Assert.Equal(header.IndexOf("ProcessId") + 1, header.IndexOf("WorkerHost"));
        Assert.Equal(4, table.Rows.Count);
        Assert.All(table.Rows, row =>
        {
            Assert.Equal("Thread", row["Mode"]);
            Assert.Equal("True", row["Success"]);
            Assert.Equal(0.3, CsvTable.Number(row, "SleepSeconds"));
            Assert.True(CsvTable.Number(row, "DurationSeconds") >= 0.29, $"Item {row["Index"]} slept only {row["DurationSeconds"]} s.");
        });
        Assert.Equal(["0", "1", "2", "3"], table.Rows.Select(r => r["Index"]).Order());

        // One after another the four sleeps would end at 1.2 s; overlapping, near 0.3 s.
        double lastEnd = table.Rows.Max(r => CsvTable.Number(r, "EndSeconds"));
        Assert.True(lastEnd < 0.9, $"The last item ended at {lastEnd} s: the sleeps did not overlap.");
        Assert.True(PeakConcurrency(table) >= 2, "No two items ran at the same time.");
    }

    [Fact]
    public void SeveralModes_WriteRowsForEachRun_UnderOneHeader()
    {
        var run = CliProgram.Run("sleep", "--count=2", "--seconds=0.05", "--mode", "Sequential,ASYNC", "--mode", "pool", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.StdoutLines, l => l.StartsWith("RunId,", StringComparison.Ordinal));
        var table = CsvTable.Parse(run.Stdout);
        Assert.Equal(6, table.Rows.Count);
        Assert.Equal(["Sequential", "Async", "Pool"], table.Rows.Select(r => r["Mode"]).Distinct());
        Assert.All(table.Rows.GroupBy(r => r["Mode"]), g => Assert.Equal(2, g.Count()));
        Assert.Equal(3, table.Rows.Select(r => r["RunId"]).Distinct().Count());
    }

    [Fact]
    public void ModeAll_RunsEveryMode()
    {
        var run = CliProgram.Run("sleep", "--count", "2", "--seconds", "0.05", "--mode", "all", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var table = CsvTable.Parse(run.Stdout);
        Assert.Equal(["Sequential", "Thread", "Pool", "Process", "Async"], table.Rows.Select(r => r["Mode"]).Distinct());
    }

    [Fact]
    public void ProcessMode_RunsItemsInOtherProcesses_ThreadModeInTheCliItself()
    {
        var run = CliProgram.Run("sleep", "--count", "2", "--seconds", "0.1", "--mode", "thread,process", "--throttle-limit", "2", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var table = CsvTable.Parse(run.Stdout);
        string cliPid = run.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var processRows = table.Rows.Where(r => r["Mode"] == "Process").ToList();
        Assert.Equal(2, processRows.Count);
        Assert.All(processRows, r =>
        {
            Assert.Equal("True", r["Success"]);
            Assert.NotEqual(cliPid, r["ProcessId"]);
            Assert.NotEqual("0", r["ProcessId"]);
            Assert.Equal("dotnet", r["WorkerHost"]);
        });
        Assert.All(table.Rows.Where(r => r["Mode"] == "Thread"), r =>
        {
            Assert.Equal(cliPid, r["ProcessId"]);
            Assert.Equal("in-process", r["WorkerHost"]);
        });
    }

    [Fact]
    public void CsvFields_AreQuotedAsRfc4180Says()
    {
        Assert.Equal("plain", CsvResultWriter.Quote("plain"));
        Assert.Equal("\"a,b\"", CsvResultWriter.Quote("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", CsvResultWriter.Quote("say \"hi\""));
        Assert.Equal("\"two\nlines\"", CsvResultWriter.Quote("two\nlines"));
    }

    [Fact]
    public void CsvNumbers_RoundTripInTheInvariantCulture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            double value = 0.1 + 0.2;
            string text = CsvResultWriter.FormatValue(value);
            Assert.Equal("0.30000000000000004", text);
            Assert.Equal(value, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("1234567", CsvResultWriter.FormatValue(1234567));
            Assert.Equal("Process", CsvResultWriter.FormatValue(Engine.ExecutionMode.Process));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    private static int PeakConcurrency(CsvTable table) =>
        Timeline.PeakConcurrency(table.Rows.Select(r => new ItemResult
        {
            StartSeconds = CsvTable.Number(r, "StartSeconds"),
            EndSeconds = CsvTable.Number(r, "EndSeconds"),
        }));
}
