namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>
/// A batch's file names, one per URL, all different: a name a second URL would also get (two folders'
/// photo.jpg) gets "-2", "-3" before its extension. Names are compared without case, as Windows and macOS
/// compare them, so a batch saves the same files everywhere. A name without an image extension takes the
/// downloaded content's later (photo-123 becomes photo-123.jpg), so it is kept clear of every name it could become.
/// </summary>
public static class DownloadNames
{
    /// <summary>The names of <paramref name="uris"/>, in the same order.</summary>
    public static IReadOnlyList<PlannedName> Plan(IEnumerable<Uri> uris)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Where the search for a free "-n" resumes for a name: every smaller n was taken, and taken names stay
        // taken, so a batch of ten thousand URLs that all end in "download" does not try 2, 3, ... each time.
        var nextSuffix = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var names = new List<PlannedName>();
        foreach (var uri in uris)
        {
            string name = DownloadFileName.FromUri(uri);
            bool extensionFromContent = !DownloadFileName.HasImageExtension(name);
            string stem = extensionFromContent ? name : Path.GetFileNameWithoutExtension(name);
            string extension = extensionFromContent ? "" : Path.GetExtension(name);
            // Candidate 1 is the name itself, n the name with "-n".
            int n = nextSuffix.GetValueOrDefault(name, 1);
            string candidate = n == 1 ? name : $"{stem}-{n}{extension}";
            while (FormsOf(candidate, extensionFromContent).Any(taken.Contains))
                candidate = $"{stem}-{++n}{extension}";
            nextSuffix[name] = n;
            foreach (string form in FormsOf(candidate, extensionFromContent)) taken.Add(form);
            names.Add(new PlannedName(candidate, extensionFromContent));
        }
        return names;
    }

    /// <summary>Every name the file can end up with: itself, and when its extension comes from the content, each image extension added.</summary>
    private static IEnumerable<string> FormsOf(string name, bool extensionFromContent) =>
        extensionFromContent ? [name, .. ImageSignature.KnownExtensions.Select(e => name + e)] : [name];
}

/// <summary>
/// A URL's file name in a batch. With <paramref name="ExtensionFromContent"/>, <paramref name="Name"/> is
/// still to get the extension of the format that is downloaded.
/// </summary>
public sealed record PlannedName(string Name, bool ExtensionFromContent)
{
    /// <summary>The final name once the content's format is known.</summary>
    public string For(ImageType type) => ExtensionFromContent ? Name + type.Extension : Name;
}
