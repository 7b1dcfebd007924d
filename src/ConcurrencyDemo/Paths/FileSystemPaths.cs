namespace ConcurrencyDemo.Paths;

/// <summary>
/// File-system path rules that need no PowerShell runtime. Worker processes and the engine's threads do
/// not share PowerShell's current location (Set-Location never changes the process directory), so every
/// path a cmdlet hands on must already be full.
/// </summary>
internal static class FileSystemPaths
{
    public const string FileSystemProviderName = "FileSystem";

    /// <summary>
    /// A full path for <paramref name="path"/> read relative to <paramref name="baseDirectory"/> (PowerShell's
    /// current file-system location), never relative to the process's current directory.
    /// </summary>
    public static string ToFullPath(string path, string baseDirectory)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The path is empty.", nameof(path));
        if (!Path.IsPathFullyQualified(baseDirectory))
            throw new ArgumentException($"The base directory '{baseDirectory}' is not a full path.", nameof(baseDirectory));
        return Path.GetFullPath(path, baseDirectory);
    }

    public static bool IsFileSystemProvider(string? providerName) =>
        string.Equals(providerName, FileSystemProviderName, StringComparison.OrdinalIgnoreCase);
}
