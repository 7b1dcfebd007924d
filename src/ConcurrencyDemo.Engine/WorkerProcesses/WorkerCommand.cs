using System.Reflection;
using System.Text;

namespace ConcurrencyDemo.Engine.WorkerProcesses;

/// <summary>
/// How to start a worker process: a program and its arguments. The front end knows what it is running
/// in (pwsh, the CLI, a test host), so it supplies this; the engine only starts it.
/// </summary>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public override string ToString() => string.Join(' ', new[] { FileName }.Concat(Arguments).Select(Quote));

    /// <summary>
    /// A pwsh worker: the same pwsh executable, importing the module by full path and entering the worker
    /// loop. -EncodedCommand avoids every quoting rule of every platform's command line; -OutputFormat Text
    /// keeps a failing worker's stderr readable (with an encoded command and redirected stderr, pwsh
    /// would otherwise write its errors as CLIXML).
    /// </summary>
    public static WorkerCommand ForPowerShell(string pwshPath, string moduleManifestPath)
    {
        string script =
            "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue'; " +
            $"Import-Module -Name '{moduleManifestPath.Replace("'", "''")}'; " +
            "exit [ConcurrencyDemo.Engine.WorkerProcesses.WorkerHost]::Run()";
        string encoded = Convert.ToBase64String(Encoding.Unicode.GetBytes(script));
        return new WorkerCommand(pwshPath, ["-NoLogo", "-NoProfile", "-NonInteractive", "-OutputFormat", "Text", "-EncodedCommand", encoded]);
    }

    /// <summary>A worker run by a managed program's <c>worker</c> command, e.g. the concurrency-demo CLI.</summary>
    public static WorkerCommand ForManagedProgram(string assemblyPath, params string[] arguments) =>
        // Through the dotnet host, which is certainly there; an apphost may not know where .NET lives.
        new(FindDotnetHost(), [assemblyPath, .. arguments]);

    /// <summary>The worker of the program now running (its entry assembly's <c>worker</c> command).</summary>
    public static WorkerCommand ForCurrentProgram(params string[] arguments)
    {
        string? processPath = Environment.ProcessPath;
        string? entry = Assembly.GetEntryAssembly()?.Location;
        if (processPath is not null && !IsDotnetHost(processPath))
            return new WorkerCommand(processPath, arguments);
        if (!string.IsNullOrEmpty(entry))
            return new WorkerCommand(processPath ?? FindDotnetHost(), [entry, .. arguments]);
        throw new InvalidOperationException("Cannot tell which program to start as a worker process.");
    }

    internal static string FindDotnetHost()
    {
        if (Environment.ProcessPath is { } current && IsDotnetHost(current)) return current;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath)) return hostPath;
        string runtimeDir = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>/dotnet
        string candidate = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        return File.Exists(candidate) ? candidate : "dotnet";
    }

    private static bool IsDotnetHost(string path) =>
        Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase);

    private static string Quote(string s) => s.Contains(' ') ? $"\"{s}\"" : s;
}
