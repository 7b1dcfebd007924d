namespace ConcurrencyDemo.Engine.WorkerProcesses;

/// <summary>
/// What ran an item, as <see cref="Results.ItemResult.WorkerHost"/> reports it. A front end may name its own
/// kinds of worker (the PowerShell module's "pwsh"); the engine only copies the name from the WorkerCommand.
/// </summary>
public static class WorkerHostKind
{
    /// <summary>A .NET program running the engine's worker loop itself: no shell, no module import.</summary>
    public const string Dotnet = "dotnet";

    /// <summary>
    /// Not a worker process at all: the item ran on a thread or task of the process that asked for the run.
    /// Naming that process's program instead ("pwsh") would read as if a pwsh worker had been started.
    /// </summary>
    public const string InProcess = "in-process";
}
