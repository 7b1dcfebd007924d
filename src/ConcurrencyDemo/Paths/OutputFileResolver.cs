using System.Management.Automation;

namespace ConcurrencyDemo.Paths;

/// <summary>
/// Turns -Path or -LiteralPath of a file to write into a full file-system path, as Export-Csv does: relative to
/// the PowerShell location; -Path may use a wildcard to name one file that exists, -LiteralPath takes every
/// character as it is. What cannot be a file to write is an exception whose message says why.
/// </summary>
internal static class OutputFileResolver
{
    public static string Resolve(PSCmdlet cmdlet, string path, bool literal)
    {
        const string notOnFileSystem = "; a timeline is written to a file";
        string resolved;
        if (!literal && WildcardPattern.ContainsWildcardCharacters(path))
        {
            var matches = FileSystemPath.ResolveWildcards(cmdlet, path, notOnFileSystem);
            if (matches.Count != 1)
                throw new ArgumentException($"'{path}' matches {matches.Count} files; name one file, or use -LiteralPath for a name with [ or ].");
            resolved = matches[0];
        }
        else
        {
            resolved = FileSystemPath.ResolveLiteral(cmdlet, path, notOnFileSystem);
        }
        if (Directory.Exists(resolved))
            throw new ArgumentException($"'{resolved}' is a folder; name a file in it.");
        string? folder = Path.GetDirectoryName(resolved);
        if (folder is not null && !Directory.Exists(folder))
            throw new ArgumentException($"The folder '{folder}' does not exist.");
        return resolved;
    }
}
