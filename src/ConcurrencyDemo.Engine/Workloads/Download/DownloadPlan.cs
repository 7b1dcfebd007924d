using ConcurrencyDemo.IO;

namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>
/// Which URL goes to which file, and how: decided once, before any download, so that a bad URL is refused
/// and clashing names are told apart up front. <see cref="BatchId"/> tags the batch's temporary files.
/// </summary>
public sealed record DownloadPlan(IReadOnlyList<DownloadItem> Items, DownloadSettings Settings, string BatchId)
{
    /// <summary>
    /// Files named after the URLs (see <see cref="DownloadFileName"/> and <see cref="DownloadNames"/>) in
    /// <paramref name="destination"/>. A URL that cannot be downloaded (not absolute http or https) is refused:
    /// with <paramref name="refuse"/>, it is reported there (the URL and why) and left out, and the others go
    /// on; without, the first one throws an ArgumentException naming it.
    /// </summary>
    public static DownloadPlan Create(IEnumerable<string> uris, string destination, DownloadSettings settings,
        Action<string, string>? refuse = null)
    {
        string directory = Path.GetFullPath(destination);
        var accepted = new List<Uri>();
        foreach (string text in uris)
        {
            if (TryParse(text, out var uri, out string problem))
            {
                accepted.Add(uri);
                continue;
            }
            if (refuse is null) throw new ArgumentException(problem);
            refuse(text, problem);
        }
        string batchId = Guid.NewGuid().ToString("N")[..12];
        var names = DownloadNames.Plan(accepted);
        var items = accepted.Select((uri, i) =>
        {
            string path = DownloadFileName.PathInside(directory, names[i].Name);
            return new DownloadItem(uri.AbsoluteUri, path, names[i].ExtensionFromContent, AtomicFileWriter.TemporaryPathFor(path, batchId));
        }).ToList();
        return new DownloadPlan(items, settings, batchId);
    }

    /// <summary>An absolute http or https URL, or why not, in words naming it.</summary>
    public static bool TryParse(string text, out Uri uri, out string problem)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "An empty URL cannot be downloaded.";
            return false;
        }
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) || parsed.IsFile || parsed.IsUnc)
        {
            problem = $"'{text}' is not an absolute URL (such as https://example.com/photo.jpg).";
            return false;
        }
        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            problem = $"'{text}' is a {parsed.Scheme} URL; only http and https can be downloaded.";
            return false;
        }
        uri = parsed;
        problem = "";
        return true;
    }
}
