using System.Text;
using ConcurrencyDemo.Engine.WorkerProcesses;

namespace ConcurrencyDemo.Workers;

/// <summary>
/// The fallback worker: a pwsh that imports this very module by full path and enters the engine's worker
/// loop, so a worker runs exactly the code and version of its parent. It costs a whole PowerShell start-up
/// per worker, which is why the .NET worker program is preferred: its native build, or the portable one whenever a
/// .NET host can run it.
/// </summary>
internal static class PowerShellWorker
{
    public const string ManifestFileName = "ConcurrencyDemo.psd1";

    /// <summary>What results run by such a worker report as their WorkerHost.</summary>
    public const string HostKind = "pwsh";

    public static WorkerCommand CreateCommand(string? processPath, string? psHome, string moduleAssemblyPath, Func<string, bool> fileExists) =>
        CreateCommand(FindExecutable(processPath, psHome, fileExists), ModuleToImport(moduleAssemblyPath, fileExists));

    /// <summary>
    /// -EncodedCommand avoids every quoting rule of every platform's command line; -OutputFormat Text keeps a
    /// failing worker's stderr readable (with an encoded command and redirected stderr, pwsh would otherwise
    /// write its errors as CLIXML).
    /// </summary>
    public static WorkerCommand CreateCommand(string pwshPath, string moduleToImport)
    {
        string script =
            "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue'; " +
            $"Import-Module -Name '{moduleToImport.Replace("'", "''")}'; " +
            "exit [ConcurrencyDemo.Engine.WorkerMain]::Run()";
        string encoded = Convert.ToBase64String(Encoding.Unicode.GetBytes(script));
        return new WorkerCommand(pwshPath, ["-NoLogo", "-NoProfile", "-NonInteractive", "-OutputFormat", "Text", "-EncodedCommand", encoded], HostKind);
    }

    /// <summary>
    /// The running process when it is pwsh; otherwise (PowerShell hosted in another program, such as an
    /// editor's or a test runner's host, or pwsh run as a .NET tool by the dotnet muxer) the pwsh in
    /// $PSHOME, and as a last resort whatever pwsh is on PATH.
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
        string manifest = Path.Combine(DotnetWorker.ModuleDirectory(moduleAssemblyPath), ManifestFileName);
        return fileExists(manifest) ? manifest : Path.GetFullPath(moduleAssemblyPath);
    }

    private static bool IsPwsh(string path) =>
        Path.GetFileNameWithoutExtension(path).Equals("pwsh", StringComparison.OrdinalIgnoreCase);
}
