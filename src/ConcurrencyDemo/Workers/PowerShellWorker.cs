using ConcurrencyDemo.Engine.WorkerProcesses;

namespace ConcurrencyDemo.Workers;

/// <summary>
/// How Process mode starts its workers from inside PowerShell: the pwsh that is running now, importing
/// this very module by full path, so a worker runs exactly the code and version of its parent.
/// </summary>
internal static class PowerShellWorker
{
    public const string ManifestFileName = "ConcurrencyDemo.psd1";

    public static WorkerCommand CreateCommand(string? processPath, string? psHome, string moduleAssemblyPath, Func<string, bool> fileExists) =>
        WorkerCommand.ForPowerShell(FindExecutable(processPath, psHome, fileExists), ModuleToImport(moduleAssemblyPath, fileExists));

    /// <summary>
    /// The running process when it is pwsh; otherwise (PowerShell hosted in another program, such as an
    /// editor's or a test runner's host) the pwsh in $PSHOME, and as a last resort whatever pwsh is on PATH.
    /// </summary>
    public static string FindExecutable(string? processPath, string? psHome, Func<string, bool> fileExists)
    {
        if (!string.IsNullOrEmpty(processPath) && IsPwsh(processPath)) return processPath;
        if (!string.IsNullOrEmpty(psHome))
        {
            foreach (string name in new[] { "pwsh", "pwsh.exe" })
            {
                string candidate = Path.Combine(psHome, name);
                if (fileExists(candidate)) return candidate;
            }
        }
        return "pwsh";
    }

    /// <summary>
    /// The manifest beside the module assembly, so the worker gets the same formats and exports; the
    /// assembly itself when someone imported the bare dll and no manifest is there.
    /// </summary>
    public static string ModuleToImport(string moduleAssemblyPath, Func<string, bool> fileExists)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(moduleAssemblyPath)) ?? "";
        string manifest = Path.Combine(directory, ManifestFileName);
        return fileExists(manifest) ? manifest : Path.GetFullPath(moduleAssemblyPath);
    }

    private static bool IsPwsh(string path) =>
        Path.GetFileNameWithoutExtension(path).Equals("pwsh", StringComparison.OrdinalIgnoreCase);
}
