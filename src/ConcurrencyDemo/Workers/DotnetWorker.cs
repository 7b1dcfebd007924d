using ConcurrencyDemo.Engine.WorkerProcesses;

namespace ConcurrencyDemo.Workers;

/// <summary>
/// The portable worker: the small program shipped in the module folder (src/ConcurrencyDemo.Worker), run by
/// a .NET host. It loads only the engine, so it is ready in a fraction of the time a pwsh importing the module
/// takes, and it runs the same engine code as its parent because it sits beside the same assemblies. Where the
/// module has the same program compiled natively for this platform and processor, that one is started instead
/// (<see cref="NativeWorker"/>).
/// </summary>
internal static class DotnetWorker
{
    public const string ProgramFileName = "ConcurrencyDemo.Worker.dll";

    /// <summary>Without it the host cannot tell which runtime the program needs and refuses to start it.</summary>
    public const string RuntimeConfigFileName = "ConcurrencyDemo.Worker.runtimeconfig.json";

    /// <summary>The worker program beside the module assembly, or null when it (or its runtimeconfig) is missing, as when someone copied only ConcurrencyDemo.dll.</summary>
    public static string? FindProgram(string moduleAssemblyPath, Func<string, bool> fileExists)
    {
        string directory = ModuleDirectory(moduleAssemblyPath);
        string program = Path.Combine(directory, ProgramFileName);
        return fileExists(program) && fileExists(Path.Combine(directory, RuntimeConfigFileName)) ? program : null;
    }

    /// <summary>The folder the module assembly is in.</summary>
    public static string ModuleDirectory(string moduleAssemblyPath) =>
        Path.GetDirectoryName(Path.GetFullPath(moduleAssemblyPath)) ?? "";

    /// <summary>
    /// `dotnet exec program.dll` rather than `dotnet program.dll`: exec is the host's own command, so a program that
    /// has gone missing is reported as such instead of being looked up as an SDK command, and no SDK is needed.
    /// </summary>
    public static WorkerCommand CreateCommand(string dotnetHostPath, string programPath) =>
        new(dotnetHostPath, ["exec", programPath], WorkerHostKind.Dotnet);
}
