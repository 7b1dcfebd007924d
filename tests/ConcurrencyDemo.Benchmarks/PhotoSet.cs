using ConcurrencyDemo.Tests.Common;

namespace ConcurrencyDemo.Benchmarks;

/// <summary>The JPEG files a benchmark runs on: a given file or folder, or by default ../shared/photos.</summary>
public static class PhotoSet
{
    /// <summary>The files, or null after printing why there are none.</summary>
    public static List<string>? Resolve(string? photos)
    {
        if (photos is null)
        {
            photos = TestPaths.SharedSubdirectory("photos");
            if (photos is null)
            {
                Console.WriteLine($"No photos: {Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "photos"))} does not exist. Pass --photos DIR.");
                return null;
            }
        }
        List<string> files;
        if (File.Exists(photos))
            files = [Path.GetFullPath(photos)];
        else if (Directory.Exists(photos))
            files = Directory.EnumerateFiles(photos)
                .Where(f => f.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase))
                .Select(Path.GetFullPath)
                .Order(StringComparer.Ordinal)
                .ToList();
        else
        {
            Console.WriteLine($"No photos: {photos} does not exist.");
            return null;
        }
        if (files.Count == 0)
        {
            Console.WriteLine($"No JPEG files in {photos}.");
            return null;
        }
        return files;
    }
}
