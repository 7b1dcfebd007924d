using ConcurrencyDemo.Tests.Common;
using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.WorkerProcesses;
using ConcurrencyDemo.Engine.Workloads.Sleep;
using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.Tests;

public class FailureTests
{
    [Theory]
    [InlineData(ExecutionMode.Sequential)]
    [InlineData(ExecutionMode.Thread)]
    [InlineData(ExecutionMode.Pool)]
    [InlineData(ExecutionMode.Async)]
    public void An_item_that_throws_becomes_a_failed_result_and_the_batch_goes_on(ExecutionMode mode)
    {
        var sink = new RecordingSink();
        var summary = BatchRunner.Run(new BatchRequest { Workload = new FailingWorkload(5, 1, 3), Modes = [mode], ThrottleLimit = 2 }, sink).Single();

        var results = sink.Results.OrderBy(r => r.Index).ToList();
        Assert.Equal(5, results.Count);
        Assert.Equal([true, false, true, false, true], results.Select(r => r.Success));
        Assert.Equal("item 1 broke on purpose", results[1].Error);
        Assert.Equal("item 1", results[1].Label);
        Assert.Equal(2, summary.Failed);
        Assert.Equal(2, sink.Events.OfType<BatchProgressEvent>().Last().Failed);
    }

    [Fact]
    public void A_worker_process_killed_mid_item_fails_that_item_and_is_replaced()
    {
        int? victim = null;
        var sink = new RecordingSink(e =>
        {
            if (e is WorkerStartedEvent started && victim is null)
            {
                victim = started.ProcessId;
                using var process = System.Diagnostics.Process.GetProcessById(started.ProcessId);
                process.Kill();
            }
        });

        var summary = BatchRunner.Run(TestWorkloads.Sleep(ExecutionMode.Process, 4, 0.5, throttleLimit: 2), sink).Single();

        var results = sink.Results.ToList();
        Assert.Equal(4, results.Count);
        var failed = Assert.Single(results, r => !r.Success);
        Assert.Equal(victim, failed.ProcessId);
        Assert.Contains($"Worker process {victim}", failed.Error);
        Assert.Contains("exited", failed.Error);
        Assert.All(results.Where(r => r.Success), r => Assert.NotEqual(victim, r.ProcessId));
        Assert.Equal(3, sink.WorkersStarted.Count());
        Assert.Equal(1, summary.Failed);
        Assert.All(sink.WorkersStarted, w => Assert.False(ProcessProbe.IsAlive(w.ProcessId)));
    }

    [Fact]
    public void An_item_whose_worker_dies_keeps_its_inputs_and_the_thread_it_started_on()
    {
        // Killed once the item has started in the worker: the result must still say what the item was asked
        // to do, so that the failed results can be piped back in and run again.
        var request = TestWorkloads.Sleep(ExecutionMode.Process, 1, 0) with
        {
            Workload = new SleepWorkload([0.05, 30, 0.05]),
            ThrottleLimit = 1,
        };
        RecordingSink? killer = null;
        killer = new RecordingSink(e =>
        {
            if (e is ItemStartedEvent { Index: 1 })
            {
                foreach (var worker in killer!.WorkersStarted) KillQuietly(worker.ProcessId);
            }
        });

        BatchRunner.Run(request, killer);

        var failed = Assert.IsType<SleepResult>(Assert.Single(killer.Results, r => !r.Success));
        Assert.Equal(1, failed.Index);
        Assert.Equal(30, failed.SleepSeconds);
        Assert.NotEqual(0, failed.ThreadId);
        Assert.NotEqual(0, failed.ProcessId);
        Assert.All(killer.Results.Where(r => r.Success), r => Assert.Equal(0.05, ((SleepResult)r).SleepSeconds));
    }

    private static void KillQuietly(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            process.Kill();
        }
        catch (ArgumentException) { }
        catch (InvalidOperationException) { }
    }

    [Fact]
    public void A_worker_program_that_cannot_start_fails_every_item_with_a_clear_message()
    {
        var missing = new WorkerCommand("/nonexistent/concurrency-demo", ["worker"], WorkerHostKind.Dotnet);
        var sink = new RecordingSink();

        var summary = BatchRunner.Run(TestWorkloads.Sleep(ExecutionMode.Process, 3, 0.1, throttleLimit: 2) with { WorkerCommand = missing }, sink).Single();

        Assert.Equal(3, summary.Failed);
        Assert.All(sink.Results, r => Assert.Contains("/nonexistent/concurrency-demo", r.Error));
        Assert.All(sink.Results, r => Assert.Equal(0.1, Assert.IsType<SleepResult>(r).SleepSeconds));
        // Even a worker that never ran says which kind of worker the run asked for.
        Assert.All(sink.Results, r => Assert.Equal(WorkerHostKind.Dotnet, r.WorkerHost));
    }

    [Fact]
    public void A_worker_program_that_never_becomes_ready_is_timed_out()
    {
        // `sleep 30` starts fine but never speaks the protocol.
        var silent = new WorkerCommand("/bin/sleep", ["30"], "sleep");
        var sink = new RecordingSink();
        var request = TestWorkloads.Sleep(ExecutionMode.Process, 1, 0.1) with { WorkerCommand = silent, WorkerStartTimeout = TimeSpan.FromSeconds(1) };

        var summary = BatchRunner.Run(request, sink).Single();

        Assert.Equal(1, summary.Failed);
        Assert.Contains("did not become ready within 1 s", Assert.Single(sink.Results).Error);
    }

    [Fact]
    public void Process_mode_without_a_worker_command_is_refused()
    {
        var request = TestWorkloads.Sleep(ExecutionMode.Process, 1, 0.1) with { WorkerCommand = null };
        var error = Assert.Throws<ArgumentException>(() => BatchRunner.Run(request, new RecordingSink()));
        Assert.Contains("WorkerCommand", error.Message);
    }
}

public class LaunchFailureTests
{
    [Fact]
    public async Task When_an_item_cannot_be_started_the_items_already_running_are_still_awaited()
    {
        using var cancel = new CancellationTokenSource();
        using var pump = new Events.EventPump();
        var request = new BatchRequest { Workload = SleepWorkload.Create(4, [0.1]), Modes = [ExecutionMode.Thread] };
        var run = new Scheduling.RunContext("r", request, ExecutionMode.Thread, throttleLimit: 4, MonotonicClock.Now, pump, cancel.Token);
        var running = new List<TaskCompletionSource>();

        Task launch = Scheduling.ThrottledLaunch.RunAsync(run, index =>
        {
            if (index == 2) throw new OutOfMemoryException("no more threads");
            var item = new TaskCompletionSource();
            running.Add(item);
            return item.Task;
        });

        await Task.Delay(100);
        Assert.False(launch.IsCompleted, "the launch ended while two items were still running");
        running.ForEach(item => item.SetResult());
        await Assert.ThrowsAsync<OutOfMemoryException>(() => launch);
    }
}
