using System.Runtime.InteropServices;

namespace ConcurrencyDemo.Workers;

/// <summary>
/// What choosing a worker looks at on this machine: the running process, its runtime, the environment and
/// the file system. Passed in rather than read directly, so every branch of the choice can be tested
/// with a made-up machine.
/// </summary>
internal sealed record MachineFacts
{
    /// <summary>The program running PowerShell: pwsh, or the dotnet muxer when pwsh is a .NET tool.</summary>
    public required string? ProcessPath { get; init; }

    /// <summary>Where the running runtime's assemblies are: &lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/ unless self-contained.</summary>
    public required string RuntimeDirectory { get; init; }

    public required bool IsWindows { get; init; }

    /// <summary>The portable runtime identifier of this platform, as "linux-x64".</summary>
    public required string RuntimeIdentifier { get; init; }

    /// <summary>The major version of the .NET runtime PowerShell runs on.</summary>
    public required int RuntimeMajorVersion { get; init; }

    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    public required Func<string, bool> FileExists { get; init; }

    /// <summary>The names (not paths) of a folder's subfolders; none when the folder does not exist.</summary>
    public required Func<string, IEnumerable<string>> SubdirectoryNames { get; init; }

    /// <summary>The file a path finally leads to through symbolic links (/usr/bin/dotnet is often one); the path itself otherwise.</summary>
    public required Func<string, string> ResolveLinks { get; init; }

    public static MachineFacts Current { get; } = new()
    {
        ProcessPath = Environment.ProcessPath,
        RuntimeDirectory = RuntimeEnvironment.GetRuntimeDirectory(),
        IsWindows = OperatingSystem.IsWindows(),
        RuntimeIdentifier = RuntimeInformation.RuntimeIdentifier,
        RuntimeMajorVersion = Environment.Version.Major,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        FileExists = File.Exists,
        SubdirectoryNames = ListSubdirectoryNames,
        ResolveLinks = ResolveFileLinks,
    };

    private static IEnumerable<string> ListSubdirectoryNames(string path)
    {
        try
        {
            return Directory.Exists(path) ? Directory.GetDirectories(path).Select(Path.GetFileName).OfType<string>().ToList() : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string ResolveFileLinks(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }
}
