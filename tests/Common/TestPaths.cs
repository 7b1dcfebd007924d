using System.Runtime.CompilerServices;

namespace ConcurrencyDemo.Tests.Common;

/// <summary>Where the repository, its committed fixtures and the optional ../shared folder are.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The ../shared folder beside the clone (photos, conformance corpus), or null where it is absent.</summary>
    public static string? SharedDirectory
    {
        get
        {
            string path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(path) ? path : null;
        }
    }

    public static string? SharedSubdirectory(string name)
    {
        if (SharedDirectory is null) return null;
        string path = Path.Combine(SharedDirectory, name);
        return Directory.Exists(path) ? path : null;
    }

    public static string Fixtures(params string[] parts) =>
        Path.Combine([RepositoryRoot, "tests", "fixtures", .. parts]);

    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        // Walk up from the test binaries; fall back to this source file's location.
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ConcurrencyDemo.sln")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find the repository root (the folder holding ConcurrencyDemo.sln).");
    }
}
