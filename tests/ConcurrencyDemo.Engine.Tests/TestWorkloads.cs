using ConcurrencyDemo.Engine.WorkerProcesses;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads.Sleep;
using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.Tests;

internal static class TestWorkloads
{
    /// <summary>The CLI built beside the tests, started through the dotnet host, as the worker process.</summary>
    public static WorkerCommand CliWorker =>
        WorkerCommand.ForManagedProgram(Path.Combine(AppContext.BaseDirectory, "concurrency-demo.dll"), "worker");

    public static BatchRequest Sleep(ExecutionMode mode, int count, double seconds, int throttleLimit = 0, bool ordered = false) =>
        new()
        {
            Workload = SleepWorkload.Create(count, [seconds]),
            Modes = [mode],
            ThrottleLimit = throttleLimit,
            Ordered = ordered,
            WorkerCommand = CliWorker,
        };
}

/// <summary>
/// A workload that only runs in this process: its items are labelled "item N", its results are plain
/// ItemResults, and it has no settings to send to a worker. A test workload says only what its items do.
/// </summary>
internal abstract class InProcessWorkload(string name, int count) : Workload
{
    public override string Name => name;
    public override int Count => count;
    public override string GetLabel(int index) => $"item {index}";
    public override Type ResultType => typeof(ItemResult);
    public override ItemResult CreateResult(int index) => new();
    public override System.Text.Json.JsonElement SaveSettings() => default;
    // Never crosses the worker protocol, but the base class's JSON must name its result type.
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo ResultJson =>
        System.Text.Json.Serialization.Metadata.JsonTypeInfo.CreateJsonTypeInfo<ItemResult>(System.Text.Json.JsonSerializerOptions.Default);
}

/// <summary>An in-process workload whose chosen items throw, to see failures become results.</summary>
internal sealed class FailingWorkload(int count, params int[] failingIndexes) : InProcessWorkload("Failing", count)
{
    public override void Execute(int index, ItemResult result, ItemContext context)
    {
        if (failingIndexes.Contains(index)) throw new InvalidOperationException($"item {index} broke on purpose");
        context.CancellationToken.WaitHandle.WaitOne(50);
    }
}
