using System.Management.Automation;

namespace ConcurrencyDemo.Paths;

/// <summary>
/// Turns what -Path and -LiteralPath were given into full file-system paths, as PowerShell's own file
/// cmdlets do: -Path expands wildcards, -LiteralPath takes every character as it is (a '[' in a photo's name),
/// both relative to the current PowerShell location, whatever the process's own current directory is. A path
/// that is no file is reported through <c>refuse</c> and left out, so the other inputs still go on.
/// </summary>
internal sealed class InputFileResolver(PSCmdlet cmdlet)
{
    private const string NotOnFileSystem = "; only files can be converted";

    public IReadOnlyList<string> Resolve(string path, bool literal, Action<ErrorRecord> refuse)
    {
        IReadOnlyList<string> candidates;
        try
        {
            candidates = literal ? [FileSystemPath.ResolveLiteral(cmdlet, path, NotOnFileSystem)] : FileSystemPath.ResolveWildcards(cmdlet, path, NotOnFileSystem);
        }
        catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException
            or ProviderNotFoundException or NotSupportedException or ArgumentException)
        {
            refuse(ErrorRecords.InputNotFound(path, ex.Message));
            return [];
        }
        if (candidates.Count == 0)
        {
            refuse(ErrorRecords.InputNotFound(path, $"Cannot find a file that matches '{path}'."));
            return [];
        }
        var files = new List<string>(candidates.Count);
        foreach (string candidate in candidates)
        {
            if (Directory.Exists(candidate))
                refuse(ErrorRecords.InputNotAFile(candidate));
            else if (!File.Exists(candidate))
                refuse(ErrorRecords.InputNotFound(candidate, $"Cannot find path '{candidate}' because it does not exist."));
            else
                files.Add(candidate);
        }
        return files;
    }

    /// <summary>A folder path, relative to the PowerShell location, that need not exist yet.</summary>
    public string ResolveDestination(string path) => cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
}
