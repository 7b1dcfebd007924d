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

/// <summary>An in-process workload whose chosen items throw, to see failures become results.</summary>
internal sealed class FailingWorkload(int count, params int[] failingIndexes) : Workload
{
    public override string Name => "Failing";
    public override int Count => count;
    public override string GetLabel(int index) => $"item {index}";
    public override Type ResultType => typeof(ItemResult);
    public override ItemResult CreateResult(int index) => new();
    public override System.Text.Json.JsonElement SaveSettings() => default;
    // In-process only: never crosses the worker protocol, but the base class's JSON must name its result type.
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo ResultJson =>
        System.Text.Json.Serialization.Metadata.JsonTypeInfo.CreateJsonTypeInfo<ItemResult>(System.Text.Json.JsonSerializerOptions.Default);

    public override void Execute(int index, ItemResult result, ItemContext context)
    {
        if (failingIndexes.Contains(index)) throw new InvalidOperationException($"item {index} broke on purpose");
        context.CancellationToken.WaitHandle.WaitOne(50);
    }
}
