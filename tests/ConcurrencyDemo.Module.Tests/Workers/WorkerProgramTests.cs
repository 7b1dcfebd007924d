using System.Text.Json;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Tests.Common;
using ConcurrencyDemo.Workers;
using ConcurrencyDemo.Engine.Workloads.Sleep;
using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Module.Tests;

/// <summary>The .NET worker program the module ships for Process mode, as the build leaves it in the module folder.</summary>
public class WorkerProgramTests
{
    private static string WorkerProgram => Path.Combine(ModuleFiles.OutputDirectory, DotnetWorker.ProgramFileName);

    [Fact]
    public void The_module_folder_holds_the_worker_program_and_its_runtimeconfig()
    {
        Assert.Equal(WorkerProgram, DotnetWorker.FindProgram(Path.Combine(ModuleFiles.OutputDirectory, "ConcurrencyDemo.dll"), File.Exists));
    }

    [Fact]
    public void The_worker_program_runs_on_net8_or_any_later_runtime()
    {
        // Like the module itself it must run wherever PowerShell 7.4 (.NET 8) does, and on the newer runtime a later pwsh brings.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(ModuleFiles.OutputDirectory, DotnetWorker.RuntimeConfigFileName)));
        var options = config.RootElement.GetProperty("runtimeOptions");
        Assert.Equal("net8.0", options.GetProperty("tfm").GetString());
        Assert.Equal("Microsoft.NETCore.App", options.GetProperty("framework").GetProperty("name").GetString());
        Assert.Equal("Major", options.GetProperty("rollForward").GetString());
    }

    [Fact]
    public void The_worker_program_has_no_platform_specific_launcher()
    {
        // An apphost would tie the module folder to one operating system; the portable worker is started as
        // `dotnet exec`, and a native build of it lives in native/<rid>-<instruction set>, not beside the module.
        Assert.False(File.Exists(Path.Combine(ModuleFiles.OutputDirectory, "ConcurrencyDemo.Worker")));
        Assert.False(File.Exists(Path.Combine(ModuleFiles.OutputDirectory, "ConcurrencyDemo.Worker.exe")));
    }

    [Fact]
    public void The_shipped_worker_program_runs_Process_mode_items_through_the_dotnet_host()
    {
        var host = DotnetHostLocator.Find(MachineFacts.Current);
        Assert.NotNull(host); // The tests themselves run on a .NET host.
        var results = new List<ItemResult>();
        var workers = new List<WorkerStartedEvent>();
        var request = new BatchRequest
        {
            Workload = SleepWorkload.Create(2, [0.05]),
            Modes = [ExecutionMode.Process],
            ThrottleLimit = 2,
            WorkerCommand = DotnetWorker.CreateCommand(host!.Path, WorkerProgram),
        };

        BatchRunner.Run(request, new CollectingSink(results, workers));

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Success, r.Error));
        Assert.All(results, r => Assert.Equal("dotnet", r.WorkerHost));
        Assert.All(results, r => Assert.NotEqual(Environment.ProcessId, r.ProcessId));
        Assert.All(workers, w => Assert.False(ProcessProbe.IsAlive(w.ProcessId), $"worker {w.ProcessId} outlived the run"));
    }

    private sealed class CollectingSink(List<ItemResult> results, List<WorkerStartedEvent> workers) : IBatchEventSink
    {
        public void OnEvent(BatchEvent batchEvent)
        {
            if (batchEvent is ItemFinishedEvent finished) results.Add(finished.Result);
            if (batchEvent is WorkerStartedEvent started) workers.Add(started);
        }
    }
}
