using System.Text;
using ConcurrencyDemo.Engine.WorkerProcesses;
using ConcurrencyDemo.Engine.Workloads.Sleep;
using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.Tests;

/// <summary>The worker side of the protocol, driven through in-memory streams.</summary>
public class WorkerHostTests
{
    [Fact]
    public void Worker_says_ready_then_runs_each_item_it_is_sent()
    {
        var replies = Converse(
            new WorkerMessage { Type = WorkerMessage.Init, Workload = "Sleep", Settings = new SleepWorkload([0.01, 0.02]).SaveSettings() },
            new WorkerMessage { Type = WorkerMessage.RunItem, Index = 1 },
            new WorkerMessage { Type = WorkerMessage.Exit });

        Assert.Equal(["ready", "started", "log", "log", "finished"], replies.Select(m => m.Type));
        Assert.Equal(Environment.ProcessId, replies[0].ProcessId);
        var finished = replies[^1];
        Assert.Equal(1, finished.Index);
        Assert.True(finished.Result!.Value.GetProperty("success").GetBoolean());
        Assert.True(finished.EndTimestamp > finished.Timestamp);
        Assert.Equal(0.02, finished.Result!.Value.GetProperty("sleepSeconds").GetDouble());
        Assert.Equal("Sleeping 0.02 second(s)...", replies[2].Message);
    }

    [Fact]
    public void Stdin_closing_without_exit_means_the_parent_is_gone_and_cancels_the_running_item()
    {
        var replies = Converse(
            new WorkerMessage { Type = WorkerMessage.Init, Workload = "Sleep", Settings = new SleepWorkload([30]).SaveSettings() },
            new WorkerMessage { Type = WorkerMessage.RunItem, Index = 0 });

        var finished = replies[^1];
        Assert.Equal("finished", finished.Type);
        // Cancelled, as an item in the parent's own process would be: one outcome, however the item ran.
        Assert.False(finished.Result!.Value.TryGetProperty("success", out _));
        Assert.Equal("Cancelled", finished.Result!.Value.GetProperty("failure").GetString());
        Assert.Equal("Cancelled.", finished.Result!.Value.GetProperty("error").GetString());
        Assert.True(Engine.MonotonicClock.SecondsBetween(finished.Timestamp, finished.EndTimestamp) < 10, "the 30 s sleep must have been woken");
    }

    [Fact]
    public void Worker_reports_an_unknown_workload_and_stops()
    {
        var replies = Converse(new WorkerMessage { Type = WorkerMessage.Init, Workload = "Nope" });

        Assert.Equal(["ready", "failure"], replies.Select(m => m.Type));
        Assert.Contains("Nope", replies[1].Message);
    }

    [Fact]
    public void Lines_that_are_not_protocol_messages_are_ignored()
    {
        Assert.Null(WorkerMessage.Parse("WARNING: something a profile printed"));
        Assert.Null(WorkerMessage.Parse("{ not json"));
        Assert.Equal("ready", WorkerMessage.Parse("""{"type":"ready","processId":5}""")!.Type);
    }

    private static List<WorkerMessage> Converse(params WorkerMessage[] commands)
    {
        string input = string.Concat(commands.Select(c => c.ToJson() + "\n"));
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(input));
        using var stdout = new MemoryStream();
        WorkerHost.Run(Workloads.WorkloadCatalog.Restore, stdin, stdout);
        return Encoding.UTF8.GetString(stdout.ToArray())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => WorkerMessage.Parse(line) ?? throw new Xunit.Sdk.XunitException($"not a protocol line: {line}"))
            .ToList();
    }
}
