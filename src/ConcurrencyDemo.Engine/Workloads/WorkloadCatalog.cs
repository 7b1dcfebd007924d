using System.Text.Json;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Workloads.Convert;
using ConcurrencyDemo.Engine.Workloads.Download;
using ConcurrencyDemo.Engine.Workloads.Sleep;

namespace ConcurrencyDemo.Engine.Workloads;

/// <summary>
/// The workloads a worker process can rebuild by name: the one place a workload is registered. A worker
/// process is a fresh program, so it cannot receive a workload object: it receives the name and the
/// settings the workload saved, and makes its own.
/// </summary>
public static class WorkloadCatalog
{
    private static readonly Dictionary<string, Func<JsonElement, Workload>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        [SleepWorkload.WorkloadName] = SleepWorkload.Restore,
        [ConvertWorkload.WorkloadName] = ConvertWorkload.Restore,
        [DownloadWorkload.WorkloadName] = DownloadWorkload.Restore,
    };

    public static Workload Restore(string name, JsonElement settings)
    {
        if (!Factories.TryGetValue(name, out var factory))
            throw new ArgumentException($"Worker process does not know the workload '{name}'.", nameof(name));
        return factory(settings);
    }
}
