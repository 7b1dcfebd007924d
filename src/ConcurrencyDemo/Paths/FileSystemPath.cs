using System.Management.Automation;

namespace ConcurrencyDemo.Paths;

/// <summary>
/// A path as PowerShell's own file cmdlets read it: relative to the PowerShell location (whatever the process's
/// current directory is), through the provider its drive names, and refused unless that provider is the file
/// system. The methods' notOnFileSystem words the refusal for the caller ("; only files can be converted").
/// </summary>
internal static class FileSystemPath
{
    /// <summary>-LiteralPath's reading: every character as it is (a '[' in a name); the item need not exist.</summary>
    public static string ResolveLiteral(PSCmdlet cmdlet, string path, string notOnFileSystem)
    {
        string resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
        RequireFileSystem(provider, path, notOnFileSystem);
        return resolved;
    }

    /// <summary>-Path's reading: wildcards expanded against the items that exist.</summary>
    public static IReadOnlyList<string> ResolveWildcards(PSCmdlet cmdlet, string path, string notOnFileSystem)
    {
        var resolved = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out var provider);
        RequireFileSystem(provider, path, notOnFileSystem);
        return resolved;
    }

    private static void RequireFileSystem(ProviderInfo provider, string path, string notOnFileSystem)
    {
        if (provider.Name != "FileSystem")
            throw new NotSupportedException($"'{path}' is on the {provider.Name} provider{notOnFileSystem}.");
    }
}
