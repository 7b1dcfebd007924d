namespace ConcurrencyDemo.Workers;

/// <summary>
/// Finds a dotnet muxer whose installation has a runtime the worker program can run on (it targets .NET 8 and
/// rolls forward to any later major version). PowerShell on .NET (a .NET tool, or a framework-dependent
/// install) already runs on one, so it is found without searching; a self-contained pwsh carries its own
/// runtime, and then only DOTNET_ROOT or PATH can tell where a shared installation is, if there is one.
/// </summary>
internal static class DotnetHostLocator
{
    public const int LowestRuntimeMajorVersion = 8;

    private const string RuntimeFramework = "Microsoft.NETCore.App";

    public static DotnetHost? Find(MachineFacts machine)
    {
        string muxer = machine.IsWindows ? "dotnet.exe" : "dotnet";

        // `dotnet pwsh` (a local .NET tool) or `dotnet pwsh.dll`: the muxer runs PowerShell itself, on a runtime that can run us.
        if (machine.ProcessPath is { Length: > 0 } processPath && IsMuxer(processPath) && machine.FileExists(processPath))
            return new DotnetHost(processPath, "the process running PowerShell");

        // A global tool's or a framework-dependent pwsh: the runtime it runs on is in a dotnet installation.
        if (InstallationOfRuntime(machine.RuntimeDirectory) is { } root && machine.FileExists(Path.Combine(root, muxer)))
            return new DotnetHost(Path.Combine(root, muxer), "the installation of the runtime PowerShell runs on");

        if (machine.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } dotnetRoot)
        {
            string candidate = Path.Combine(dotnetRoot.Trim(), muxer);
            if (machine.FileExists(candidate) && HasUsableRuntime(machine, dotnetRoot.Trim()))
                return new DotnetHost(candidate, "DOTNET_ROOT");
        }

        foreach (string directory in PathDirectories(machine))
        {
            string candidate = Path.Combine(directory, muxer);
            if (!machine.FileExists(candidate)) continue;
            // The muxer uses the installation it really lives in, not the folder of a link to it (/usr/bin/dotnet).
            string? installation = Path.GetDirectoryName(machine.ResolveLinks(candidate));
            if (installation is not null && HasUsableRuntime(machine, installation))
                return new DotnetHost(candidate, "PATH");
        }
        return null;
    }

    /// <summary>&lt;root&gt; of &lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/, or null for any other folder (a self-contained app's).</summary>
    public static string? InstallationOfRuntime(string runtimeDirectory)
    {
        var version = new DirectoryInfo(Path.TrimEndingDirectorySeparator(runtimeDirectory));
        var framework = version.Parent;
        var shared = framework?.Parent;
        if (framework is null || shared?.Parent is null) return null;
        if (!framework.Name.Equals(RuntimeFramework, StringComparison.OrdinalIgnoreCase)) return null;
        if (!shared.Name.Equals("shared", StringComparison.OrdinalIgnoreCase)) return null;
        return shared.Parent.FullName;
    }

    /// <summary>Whether &lt;root&gt;/shared/Microsoft.NETCore.App holds a runtime of major version 8 or later.</summary>
    public static bool HasUsableRuntime(MachineFacts machine, string installation) =>
        machine.SubdirectoryNames(Path.Combine(installation, "shared", RuntimeFramework))
            .Any(name => MajorVersion(name) >= LowestRuntimeMajorVersion);

    /// <summary>"8.0.11" gives 8, "10.0.0-rc.2.25502.107" gives 10; anything else -1.</summary>
    private static int MajorVersion(string folderName)
    {
        string release = folderName.Split('-', 2)[0];
        return Version.TryParse(release, out var version) ? version.Major : -1;
    }

    private static IEnumerable<string> PathDirectories(MachineFacts machine) =>
        (machine.GetEnvironmentVariable("PATH") ?? "")
            .Split(machine.IsWindows ? ';' : ':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            // Windows allows quoted entries in PATH.
            .Select(entry => entry.Trim('"'))
            .Where(entry => entry.Length > 0);

    private static bool IsMuxer(string path) =>
        Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
}
