using System.Collections.ObjectModel;
using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.WorkerProcesses;

/// <summary>
/// The .NET runtime settings a worker process is started with, by the kind of work it will do. The worker's
/// own runtimeconfig (and the CLI's, when the CLI is the worker) holds what suits every workload; these are
/// set in the environment because they suit only some.
/// </summary>
public static class WorkerRuntimeSettings
{
    private const string TieredCompilation = "DOTNET_TieredCompilation";

    private static readonly IReadOnlyDictionary<string, string> None = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>
    /// A CPU-bound workload's .NET worker compiles each method once, fully optimised, instead of first as quick
    /// code that tiered compilation replaces mid-run on a background thread, which on a machine whose every core
    /// is busy with a worker takes from the work itself. Measured, 15 photos on two workers (median of 8,
    /// interleaved): 2.11 s -> 1.93 s. A worker that mostly waits would only start slower (a sleeping item's
    /// worker became ready in 0.115 s instead of 0.088 s), and so would a pwsh worker, whose start-up is most of
    /// its cost: those keep tiered compilation. A setting of the user's own is left alone.
    /// </summary>
    public static IReadOnlyDictionary<string, string> For(Workload workload, WorkerCommand command)
    {
        bool userChose = Environment.GetEnvironmentVariable(TieredCompilation) is not null
            || Environment.GetEnvironmentVariable("COMPlus_TieredCompilation") is not null;
        return workload.IsCpuBound && command.HostKind == WorkerHostKind.Dotnet && !userChose
            ? new ReadOnlyDictionary<string, string>(new Dictionary<string, string> { [TieredCompilation] = "0" })
            : None;
    }
}
