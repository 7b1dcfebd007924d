using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Messages;
using ConcurrencyDemo.Engine.Workloads.Sleep;

namespace ConcurrencyDemo.Module.Tests;

public class BatchMessagesTests
{
    [Fact]
    public void An_item_log_line_starts_with_its_time_in_the_run_then_its_worker_as_the_CLI_writes_it()
    {
        var log = new ItemLogEvent { RunId = "r", Seconds = 0.1432, Index = 2, Worker = "Thread-3", Message = "Sleeping 1 second(s)..." };
        Assert.Equal("[0.143 s] Thread-3 item 2: Sleeping 1 second(s)...", BatchMessages.ItemLog(log));
    }

    [Fact]
    public void A_worker_line_gives_its_start_up_time()
    {
        var worker = new WorkerStartedEvent { RunId = "r", Seconds = 0.6, Worker = "Proc-1", ProcessId = 4242, StartSeconds = 0.1, ReadySeconds = 0.6125 };
        Assert.Equal("[0.600 s] Proc-1: worker process 4242 ready after 0.513 s", BatchMessages.WorkerStarted(worker));
    }

    [Fact]
    public void The_worker_line_says_what_each_worker_is_its_kind_and_why()
    {
        var command = new Engine.WorkerProcesses.WorkerCommand("/usr/bin/dotnet", ["exec", "/m/ConcurrencyDemo.Worker.dll"], "dotnet");
        var chosen = new Workers.ChosenWorker(command, "/usr/bin/dotnet running /m/ConcurrencyDemo.Worker.dll", "the .NET host was found as PATH");
        Assert.Equal(
            "Process: each worker process is /usr/bin/dotnet running /m/ConcurrencyDemo.Worker.dll, a dotnet worker, because the .NET host was found as PATH.",
            BatchMessages.WorkerChosen(chosen));
    }

    [Fact]
    public void The_summary_line_puts_elapsed_time_next_to_the_items_own_time()
    {
        var summary = new RunSummary
        {
            Mode = ExecutionMode.Thread, ItemCount = 10, ElapsedSeconds = 1.0042, ItemSeconds = 10.01, PeakConcurrency = 10,
            WorkerCount = 10, ThrottleLimit = 10, Succeeded = 10, Failed = 0, MaxWorkerStartupSeconds = 0.0004,
        };
        string line = BatchMessages.RunFinished(summary);
        Assert.StartsWith("Thread: 10 item(s) in 1.004 s; the items' own time adds up to 10.010 s;", line);
        Assert.Contains("peak 10 at once on 10 worker(s), throttle limit 10", line);
    }

    [Fact]
    public void The_summary_line_gives_the_peak_memory_here_and_in_worker_processes_when_there_were_some()
    {
        var inProcess = new RunSummary { Mode = ExecutionMode.Pool, PeakWorkingSetBytes = 123_400_000 };
        var withWorkers = new RunSummary { Mode = ExecutionMode.Process, PeakWorkingSetBytes = 80_000_000, PeakWorkerWorkingSetBytes = 456_700_000 };
        Assert.EndsWith("peak memory 123 MB here.", BatchMessages.RunFinished(inProcess));
        Assert.EndsWith("peak memory 80 MB here, 457 MB in worker processes.", BatchMessages.RunFinished(withWorkers));
    }

    [Fact]
    public void A_failed_item_says_which_item_where_and_why()
    {
        var result = new SleepResult { Index = 3, Label = "sleep 1 s #4", Mode = ExecutionMode.Process, Worker = "Proc-2", Error = "Worker process 17 exited." };
        Assert.Equal("Item 3 (sleep 1 s #4) failed in Process mode on Proc-2: Worker process 17 exited.", BatchMessages.ItemFailed(result));
    }

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(3, 10, 30)]
    [InlineData(1, 3, 33)]
    [InlineData(10, 10, 100)]
    [InlineData(0, 0, 100)]
    public void Percent_complete_is_whole_and_safe_for_an_empty_batch(int completed, int total, int expected)
    {
        Assert.Equal(expected, BatchMessages.PercentComplete(completed, total));
    }

    [Fact]
    public void Progress_names_the_run_when_several_modes_run()
    {
        Assert.Equal("Invoke-SleepDemo: Pool (run 3 of 5)", BatchMessages.ProgressActivity("Invoke-SleepDemo", Started(ExecutionMode.Pool, 3, 5)));
        Assert.Equal("Invoke-SleepDemo: Pool", BatchMessages.ProgressActivity("Invoke-SleepDemo", Started(ExecutionMode.Pool, 1, 1)));
    }

    [Fact]
    public void Progress_status_mentions_failures_only_when_there_are_some()
    {
        Assert.Equal("4 of 10 item(s) done", BatchMessages.ProgressStatus(4, 10, 0));
        Assert.Equal("4 of 10 item(s) done, 2 failed", BatchMessages.ProgressStatus(4, 10, 2));
        Assert.Equal("4 of 10 item(s) done, 12.3 MB", BatchMessages.ProgressStatus(4, 10, 0, 12_345_678));
    }

    [Fact]
    public void Progress_says_how_many_worker_processes_are_ready_while_they_start()
    {
        Assert.Equal("Starting worker processes: 3 of 10 ready; 0 of 10 item(s) done", BatchMessages.ProgressWorkersStarting(3, 10, 0, 10));
    }

    [Fact]
    public void The_run_start_line_gives_the_effective_throttle_limit()
    {
        Assert.Equal("Pool: running 10 Sleep item(s), at most 6 at once.", BatchMessages.RunStarting(Started(ExecutionMode.Pool, 1, 1)));
    }

    private static RunStartedEvent Started(ExecutionMode mode, int runNumber, int runCount) => new()
    {
        RunId = "r", Seconds = 0, Workload = "Sleep", Mode = mode, ThrottleLimit = 6, ItemCount = 10,
        RunNumber = runNumber, RunCount = runCount, WorkerProcesses = 0,
    };
}
