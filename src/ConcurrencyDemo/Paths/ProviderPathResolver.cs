using System.Management.Automation;

namespace ConcurrencyDemo.Paths;

/// <summary>
/// Resolves a cmdlet's -Path and -LiteralPath the way PowerShell's own file cmdlets do: against the
/// session's current location and drives (<c>~</c>, <c>TestDrive:</c>, <c>C:</c>), with wildcards only for
/// -Path, and only in the FileSystem provider. The results are full file-system paths.
/// </summary>
internal static class ProviderPathResolver
{
    /// <summary>-LiteralPath: no wildcards, and the item need not exist yet (an output file or folder).</summary>
    public static string ResolveLiteralPath(PSCmdlet cmdlet, string literalPath)
    {
        string resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(literalPath, out ProviderInfo provider, out _);
        RequireFileSystem(literalPath, provider);
        return FileSystemPaths.ToFullPath(resolved, CurrentDirectory(cmdlet));
    }

    /// <summary>
    /// -Path: wildcards expand to the existing items they match. A path that matches nothing throws
    /// ItemNotFoundException, which the caller turns into a non-terminating error for that path.
    /// </summary>
    public static IReadOnlyList<string> ResolvePath(PSCmdlet cmdlet, string path)
    {
        var resolved = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider);
        RequireFileSystem(path, provider);
        string baseDirectory = CurrentDirectory(cmdlet);
        return resolved.Select(p => FileSystemPaths.ToFullPath(p, baseDirectory)).ToList();
    }

    private static string CurrentDirectory(PSCmdlet cmdlet) =>
        cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath;

    private static void RequireFileSystem(string path, ProviderInfo provider)
    {
        if (!FileSystemPaths.IsFileSystemProvider(provider?.Name))
            throw new ArgumentException($"'{path}' is in the {provider?.Name} provider; only file-system paths can be used.", nameof(path));
    }
}
