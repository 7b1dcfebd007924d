using System.CommandLine;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>The folder a command writes into (convert's and download's --out): made when missing, refused when it cannot be.</summary>
internal static class OutputFolder
{
    public static void Prepare(Option option, string path)
    {
        if (File.Exists(path))
            throw new CannotRunException($"{option.Name}: '{path}' is a file, not a folder.");
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CannotRunException($"{option.Name}: cannot create '{path}': {ex.Message}");
        }
    }
}
