using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace ConcurrencyDemo.Engine.WorkerProcesses;

/// <summary>
/// How to start a worker process: a program, its arguments, and what kind of worker that is (see
/// <see cref="WorkerHostKind"/>), which every result it produces reports. The front end knows what it is
/// running in (pwsh, the CLI, a test host), so it supplies this; the engine only starts it.
/// </summary>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> Arguments, string HostKind)
{
    /// <summary>The command line, for messages; the kind is not part of it.</summary>
    public override string ToString() => string.Join(' ', new[] { FileName }.Concat(Arguments).Select(Quote));

    /// <summary>A worker run by a managed program's <c>worker</c> command, e.g. the concurrency-demo CLI.</summary>
    public static WorkerCommand ForManagedProgram(string assemblyPath, params string[] arguments) =>
        // Through the dotnet host, which is certainly there; an apphost may not know where .NET lives.
        new(FindDotnetHost(), [assemblyPath, .. arguments], WorkerHostKind.Dotnet);

    /// <summary>The worker of the program now running (its entry assembly's <c>worker</c> command).</summary>
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "Only the CLI calls it, which is never a single-file bundle; the native worker starts no workers.")]
    public static WorkerCommand ForCurrentProgram(params string[] arguments)
    {
        string? processPath = Environment.ProcessPath;
        string? entry = Assembly.GetEntryAssembly()?.Location;
        if (processPath is not null && !IsDotnetHost(processPath))
            return new WorkerCommand(processPath, arguments, WorkerHostKind.Dotnet);
        if (!string.IsNullOrEmpty(entry))
            return new WorkerCommand(processPath ?? FindDotnetHost(), [entry, .. arguments], WorkerHostKind.Dotnet);
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
