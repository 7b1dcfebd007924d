using ConcurrencyDemo.Engine.WorkerProcesses;

namespace ConcurrencyDemo.Workers;

/// <summary>
/// The preferred worker: the small program shipped in the module folder (src/ConcurrencyDemo.Worker), run by
/// a .NET host. It loads only the engine, so it is ready in a fraction of the time a pwsh importing the module
/// takes, and it runs the same engine code as its parent because it sits beside the same assemblies.
/// </summary>
internal static class DotnetWorker
{
    public const string ProgramFileName = "ConcurrencyDemo.Worker.dll";

    /// <summary>Without it the host cannot tell which runtime the program needs and refuses to start it.</summary>
    public const string RuntimeConfigFileName = "ConcurrencyDemo.Worker.runtimeconfig.json";

    /// <summary>The folder, beside the module assembly, of the copies of the worker that build.ps1 precompiles.</summary>
    public const string PrecompiledFolderName = "precompiled";

    /// <summary>The worker program beside the module assembly, or null when it (or its runtimeconfig) is missing, as when someone copied only ConcurrencyDemo.dll.</summary>
    public static string? FindProgram(string moduleAssemblyPath, Func<string, bool> fileExists) =>
        ProgramIn(ModuleDirectory(moduleAssemblyPath), fileExists);

    /// <summary>
    /// The copy of the worker precompiled (ReadyToRun) for this platform and this major version of .NET, in
    /// precompiled/&lt;rid&gt;-net&lt;major&gt; (as precompiled/linux-x64-net10), or null when the module has none for them.
    /// It starts sooner: it compiles a few dozen methods as it starts rather than some 150, 0.065 s less per Process
    /// run of the 15 photos. Precompiled code is only used by the runtime version it was compiled for, which is why
    /// the folder names it and the caller must know that the host runs that version.
    /// </summary>
    public static string? FindPrecompiledProgram(string moduleAssemblyPath, string runtimeIdentifier, int runtimeMajorVersion, Func<string, bool> fileExists) =>
        ProgramIn(Path.Combine(ModuleDirectory(moduleAssemblyPath), PrecompiledFolderName, $"{runtimeIdentifier}-net{runtimeMajorVersion}"), fileExists);

    /// <summary>The folder the module assembly is in.</summary>
    public static string ModuleDirectory(string moduleAssemblyPath) =>
        Path.GetDirectoryName(Path.GetFullPath(moduleAssemblyPath)) ?? "";

    private static string? ProgramIn(string directory, Func<string, bool> fileExists)
    {
        string program = Path.Combine(directory, ProgramFileName);
        return fileExists(program) && fileExists(Path.Combine(directory, RuntimeConfigFileName)) ? program : null;
    }

    /// <summary>
    /// `dotnet exec program.dll` rather than `dotnet program.dll`: exec is the host's own command, so a program that
    /// has gone missing is reported as such instead of being looked up as an SDK command, and no SDK is needed.
    /// </summary>
    public static WorkerCommand CreateCommand(string dotnetHostPath, string programPath) =>
        new(dotnetHostPath, ["exec", programPath], WorkerHostKind.Dotnet);
}
