using System.Diagnostics;
using ConcurrencyDemo.Engine.Scheduling;
using ConcurrencyDemo.Engine.WorkerProcesses;
using ConcurrencyDemo.Engine.Workloads.Sleep;
using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.Tests;

/// <summary>
/// Worker processes that break the protocol in the ways real programs do. Each is a small shell script
/// standing in for the worker; whatever it does, the batch ends with one result per item and no hang.
/// </summary>
public class MisbehavingWorkerTests
{
    private const string Ready = "echo '{\"type\":\"ready\"}'";

    [Fact]
    public void A_worker_that_dies_right_after_saying_ready_fails_its_items_instead_of_the_batch()
    {
        var sink = new RecordingSink();

        var summary = BatchRunner.Run(Script($"exec 0<&-; {Ready}; sleep 2", count: 3), sink).Single();

        Assert.Equal(3, summary.Failed);
        Assert.All(sink.Results, r => Assert.Contains("exited", r.Error));
    }

    [Fact]
    public void Json_lines_before_the_ready_line_are_not_taken_for_it()
    {
        var sink = new RecordingSink();

        // It never runs an item, so the items fail; but it did start, which a banner must not prevent.
        BatchRunner.Run(Script($"echo '{{\"banner\":1}}'; {Ready}; exec 0<&-; sleep 1", count: 1), sink);

        Assert.Single(sink.WorkersStarted);
        Assert.DoesNotContain("becoming ready", Assert.Single(sink.Results).Error);
    }

    [Fact]
    public void A_worker_that_dies_halfway_through_a_line_fails_the_item()
    {
        var sink = new RecordingSink();

        var summary = BatchRunner.Run(Script($"{Ready}; read a; read b; printf '{{\"type\":\"fini'; exit 3", count: 2), sink).Single();

        Assert.Equal(2, summary.Failed);
        Assert.Contains(sink.Results, r => r.Error.Contains("exit code 3"));
    }

    [Fact]
    public void A_dead_worker_whose_child_keeps_its_output_open_does_not_hang_the_batch()
    {
        var sink = new RecordingSink();
        var clock = Stopwatch.StartNew();

        // The orphaned `sleep 20` inherits stdout, so the pipe stays open after the worker itself exited.
        var summary = BatchRunner.Run(Script($"{Ready}; read a; read b; (sleep 20 &); exit 3", count: 1), sink).Single();

        Assert.Equal(1, summary.Failed);
        Assert.True(clock.Elapsed.TotalSeconds < 15, $"took {clock.Elapsed.TotalSeconds:0.0} s: the lane waited for the orphan");
    }

    [Fact]
    public void Events_posted_after_the_run_is_over_are_dropped_without_an_exception()
    {
        var pump = new Events.EventPump();
        pump.Complete();
        pump.Dispose();
        var late = new Events.ItemLogEvent { RunId = "x", Seconds = 0, Index = 0, Worker = "w", Message = "late" };

        var error = Record.Exception(() => { pump.Post(late); pump.Complete(); });

        Assert.Null(error);
    }

    private static BatchRequest Script(string script, int count) => new()
    {
        Workload = SleepWorkload.Create(count, [0.1]),
        Modes = [ExecutionMode.Process],
        ThrottleLimit = 1,
        WorkerCommand = new WorkerCommand("/bin/sh", ["-c", script], "sh"),
        WorkerStartTimeout = TimeSpan.FromSeconds(10),
    };
}
