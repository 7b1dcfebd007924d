using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Workloads.Convert;
using ConcurrencyDemo.Engine.WorkerProcesses;
using ConcurrencyDemo.Imaging.Pipeline;

namespace ConcurrencyDemo.Engine.Tests;

public sealed class WorkerRuntimeSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("worker-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_cpu_bound_workloads_dotnet_workers_run_without_tiered_compilation_and_a_waiting_ones_keep_it()
    {
        var convert = new ConvertWorkload(ConvertPlan.Create([Path.Combine(_folder, "none.jpg")], Path.Combine(_folder, "out"), PhotoConversionOptions.Default, overwrite: false));
        var sleep = TestWorkloads.Sleep(ExecutionMode.Process, 1, 0).Workload;
        // A setting of the user's own (or the test runner's) is inherited, not overridden.
        string? own = Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? Environment.GetEnvironmentVariable("COMPlus_TieredCompilation");

        Assert.True(convert.IsCpuBound);
        Assert.False(sleep.IsCpuBound);
        Assert.Equal(own is null ? "0" : Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? "", WorkerVariable(convert, "DOTNET_TieredCompilation"));
        Assert.Equal(Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? "", WorkerVariable(sleep, "DOTNET_TieredCompilation"));
    }

    [Fact]
    public void A_pwsh_worker_keeps_tiered_compilation_whatever_its_workload()
    {
        var convert = new ConvertWorkload(ConvertPlan.Create([Path.Combine(_folder, "none.jpg")], Path.Combine(_folder, "out"), PhotoConversionOptions.Default, overwrite: false));

        Assert.Empty(WorkerRuntimeSettings.For(convert, TestWorkloads.CliWorker with { HostKind = "pwsh" }));
    }

    /// <summary>What a worker process started for <paramref name="workload"/> sees in <paramref name="variable"/>: a shell records it, then becomes the real worker.</summary>
    private string WorkerVariable(Workload workload, string variable)
    {
        string record = Path.Combine(_folder, $"{workload.Name}.env");
        var real = TestWorkloads.CliWorker;
        var recording = new WorkerCommand("/bin/sh",
            ["-c", $"printenv {variable} > \"$0\"; exec \"$@\"", record, real.FileName, .. real.Arguments], real.HostKind);

        using var worker = WorkerProcess.Start(recording, "probe", TimeSpan.FromSeconds(30), CancellationToken.None, WorkerRuntimeSettings.For(workload, real));
        worker.Stop(TimeSpan.FromSeconds(5));
        return File.ReadAllText(record).Trim();
    }
}
