using ConcurrencyDemo.Engine.WorkerProcesses;
using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.Tests;

/// <summary>Every result says what kind of program ran it, so a timeline can tell a .NET worker from a pwsh one.</summary>
public class WorkerHostStampTests
{
    [Fact]
    public void Process_results_carry_the_kind_of_the_worker_command()
    {
        var sink = new RecordingSink();
        BatchRunner.Run(TestWorkloads.Sleep(ExecutionMode.Process, 2, 0.05, throttleLimit: 2), sink);

        Assert.Equal(2, sink.Results.Count());
        Assert.All(sink.Results, r => Assert.True(r.Success, r.Error));
        Assert.All(sink.Results, r => Assert.Equal(WorkerHostKind.Dotnet, r.WorkerHost));
    }

    [Fact]
    public void The_engine_copies_a_front_ends_own_kind_without_interpreting_it()
    {
        var sink = new RecordingSink();
        var request = TestWorkloads.Sleep(ExecutionMode.Process, 1, 0.05) with
        {
            WorkerCommand = TestWorkloads.CliWorker with { HostKind = "pwsh" },
        };

        BatchRunner.Run(request, sink);

        var result = Assert.Single(sink.Results);
        Assert.True(result.Success, result.Error);
        Assert.Equal("pwsh", result.WorkerHost);
    }

    [Theory]
    [InlineData(ExecutionMode.Sequential)]
    [InlineData(ExecutionMode.Thread)]
    [InlineData(ExecutionMode.Pool)]
    [InlineData(ExecutionMode.Async)]
    public void In_process_results_say_so_even_when_a_worker_command_is_given(ExecutionMode mode)
    {
        var sink = new RecordingSink();
        BatchRunner.Run(TestWorkloads.Sleep(mode, 2, 0.01), sink);

        Assert.Equal(2, sink.Results.Count());
        Assert.All(sink.Results, r => Assert.Equal(WorkerHostKind.InProcess, r.WorkerHost));
    }

    [Fact]
    public void A_failed_in_process_item_still_says_where_it_ran()
    {
        var sink = new RecordingSink();
        BatchRunner.Run(new BatchRequest { Workload = new FailingWorkload(2, 1), Modes = [ExecutionMode.Thread] }, sink);

        var failed = Assert.Single(sink.Results, r => !r.Success);
        Assert.Equal(WorkerHostKind.InProcess, failed.WorkerHost);
    }
}
