using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.WorkerProcesses;

/// <summary>
/// The .NET runtime settings a worker process is started with, by the kind of work it will do. The worker's
/// own runtimeconfig (and the CLI's, when the CLI is the worker) holds what suits every workload; these are
/// set in the environment because they suit only some.
/// </summary>
public static class WorkerRuntimeSettings
{
    /// <summary>
    /// A CPU-bound worker compiles each method once, fully optimised, instead of first as quick code that tiered
    /// compilation replaces mid-run on a background thread, which on a machine whose every core is busy with a
    /// worker takes from the work itself. Measured, 15 photos on two workers (median of 8, interleaved):
    /// 2.11 s -> 1.93 s. A worker that mostly waits would only start slower: a sleeping item's worker became
    /// ready in 0.115 s instead of 0.088 s, so those keep tiered compilation.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> CpuBound =
        new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" };

    public static readonly IReadOnlyDictionary<string, string> Default = new Dictionary<string, string>();

    public static IReadOnlyDictionary<string, string> For(Workload workload) =>
        workload.IsCpuBound ? CpuBound : Default;
}
