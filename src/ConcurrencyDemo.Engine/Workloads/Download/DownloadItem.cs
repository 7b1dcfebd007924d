namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>
/// One URL of a download batch and where it goes, full paths. With <see cref="ExtensionFromContent"/>,
/// <see cref="Path"/> still lacks the extension of the format that arrives. <see cref="TemporaryPath"/> is
/// where its bytes go until they are whole: named by the plan, so that whoever ran the batch can remove it
/// even when the process that wrote it was killed.
/// </summary>
public sealed record DownloadItem(string Uri, string Path, bool ExtensionFromContent, string TemporaryPath)
{
    /// <summary>The file the download ends up as, once its format is known.</summary>
    public string FinalPath(ImageType type) => ExtensionFromContent ? Path + type.Extension : Path;

    /// <summary>Every file that would count as this download already done: its path, or, when the extension comes from the content, that path with each image extension.</summary>
    public IEnumerable<string> PossiblePaths() =>
        ExtensionFromContent ? ImageSignature.KnownExtensions.Select(extension => Path + extension) : [Path];
}
