using System.CommandLine.Parsing;

namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// Reads a folder name, refusing an empty one as a usage error naming its option: Path.GetFullPath("") would
/// otherwise surface later as .NET's own "The value cannot be an empty string. (Parameter 'path')".
/// </summary>
internal static class FolderNameParser
{
    public static string? Parse(ArgumentResult result)
    {
        if (result.Tokens.Count == 0) return null;
        string text = result.Tokens[^1].Value;
        if (text.Length == 0)
        {
            result.AddOptionError("needs a folder name.");
            return null;
        }
        return text;
    }
}
