using System.CommandLine.Parsing;

namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// Reads a file or folder name, refusing an empty one as a usage error naming its option: Path.GetFullPath("")
/// would otherwise surface later as .NET's own "The value cannot be an empty string. (Parameter 'path')".
/// A blank name is left alone: Linux allows it.
/// </summary>
internal static class NonEmptyNameParser
{
    /// <param name="what">What the option needs, for the message: "a folder name", "a file name".</param>
    public static Func<ArgumentResult, string?> Create(string what) => result =>
    {
        if (result.Tokens.Count == 0) return null;
        string text = result.Tokens[^1].Value;
        if (text.Length == 0)
        {
            result.AddOptionError($"needs {what}.");
            return null;
        }
        return text;
    };
}
