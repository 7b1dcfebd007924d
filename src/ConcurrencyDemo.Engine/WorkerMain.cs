using ConcurrencyDemo.Engine.WorkerProcesses;
using ConcurrencyDemo.Engine.Workloads;

namespace ConcurrencyDemo.Engine;

/// <summary>
/// What a worker program runs (the module's ConcurrencyDemo.Worker, the CLI's <c>worker</c> command, a pwsh
/// worker): the protocol loop, rebuilding workloads from the catalog. The loop itself knows no workload.
/// </summary>
public static class WorkerMain
{
    public static int Run() => WorkerHost.Run(WorkloadCatalog.Restore);
}
