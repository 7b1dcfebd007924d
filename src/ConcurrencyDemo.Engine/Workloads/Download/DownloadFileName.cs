using System.Globalization;
using System.Text;

namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>
/// The file name a URL is saved under, as the tutorial names it (the last segment of the URL's path), made
/// safe on every platform: whatever the URL holds (<c>..</c>, an encoded separator such as <c>..%2F</c>, a
/// drive, a reserved Windows device name such as CON, control characters, an empty or a 300-character
/// segment), the result is one plain file name, so the file cannot land outside the destination folder.
/// </summary>
public static class DownloadFileName
{
    /// <summary>
    /// The longest name, in UTF-8 bytes: file systems allow 255, and the temporary file beside it needs room
    /// for a dot, a tag and ".tmp" on top, and a clash a "-2".
    /// </summary>
    public const int MaxBytes = 150;

    /// <summary>The name of a URL whose path has no usable segment (https://example.com/).</summary>
    public const string Fallback = "image";

    private const char Replacement = '_';

    /// <summary>Windows reserves these names, with any extension, in every folder.</summary>
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00B9", "COM\u00B2", "COM\u00B3",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00B9", "LPT\u00B2", "LPT\u00B3",
    };

    /// <summary>The URL's last non-empty path segment, decoded and made safe; the query and fragment play no part.</summary>
    public static string FromUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        string path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', '#')[0];
        string segment = path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return Sanitize(Uri.UnescapeDataString(segment));
    }

    /// <summary>One decoded segment as a name every platform accepts and that stays in its folder.</summary>
    public static string Sanitize(string segment)
    {
        var name = new StringBuilder(segment.Length);
        string normalized = segment.IsNormalized(NormalizationForm.FormC) ? segment : TryNormalize(segment);
        for (int i = 0; i < normalized.Length; i++)
        {
            char c = normalized[i];
            if (char.IsHighSurrogate(c) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
            {
                name.Append(c).Append(normalized[++i]);
                continue;
            }
            name.Append(IsAllowed(c) ? c : Replacement);
        }
        string result = Trim(name.ToString());
        if (result.Length == 0) return Fallback;
        result = Shorten(result);
        return IsReserved(result) ? Replacement + result : result;
    }

    /// <summary>Whether the name already ends in an image extension (any case), so it is kept as it is.</summary>
    public static bool HasImageExtension(string name) =>
        ImageSignature.KnownExtensions.Any(extension => name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && name.Length > extension.Length);

    /// <summary>The full path of <paramref name="name"/> in <paramref name="directory"/>; throws if it would be anywhere else.</summary>
    public static string PathInside(string directory, string name)
    {
        string folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        string path = Path.GetFullPath(Path.Combine(folder, name));
        if (!string.Equals(Path.GetDirectoryName(path), folder, StringComparison.Ordinal) || Path.GetFileName(path) != name)
            throw new ArgumentException($"The file name '{name}' would not be inside '{folder}'.", nameof(name));
        return path;
    }

    /// <summary>Letters, digits and punctuation that mean nothing to any file system or to PowerShell's wildcards.</summary>
    private static bool IsAllowed(char c) =>
        c >= ' ' && c is not ('<' or '>' or ':' or '"' or '/' or '\\' or '|' or '?' or '*' or '[' or ']' or '\u007F')
        && !char.IsSurrogate(c)
        && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned);

    /// <summary>
    /// No leading dot (".." and hidden files; the temporary files are the dotted ones) and no trailing dot or
    /// space, which Windows drops silently, so that "photo." and "photo" would be one file there.
    /// </summary>
    private static string Trim(string name) => name.TrimStart('.', ' ').TrimEnd('.', ' ');

    /// <summary>Windows takes the part before the first dot, trailing spaces dropped, as the device name.</summary>
    private static bool IsReserved(string name)
    {
        int dot = name.IndexOf('.');
        return ReservedNames.Contains((dot < 0 ? name : name[..dot]).TrimEnd(' '));
    }

    /// <summary>At most <see cref="MaxBytes"/> UTF-8 bytes, cut at a character boundary, an image extension kept.</summary>
    private static string Shorten(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxBytes) return name;
        string extension = HasImageExtension(name) ? Path.GetExtension(name) : "";
        string stem = name[..^extension.Length];
        int budget = MaxBytes - Encoding.UTF8.GetByteCount(extension);
        int length = 0, bytes = 0;
        while (length < stem.Length)
        {
            int step = char.IsHighSurrogate(stem[length]) && length + 1 < stem.Length ? 2 : 1;
            int size = Encoding.UTF8.GetByteCount(stem.AsSpan(length, step));
            if (bytes + size > budget) break;
            bytes += size;
            length += step;
        }
        string shortened = Trim(stem[..length]) + extension;
        return shortened.Length == extension.Length ? Fallback + extension : shortened;
    }

    private static string TryNormalize(string segment)
    {
        try { return segment.Normalize(NormalizationForm.FormC); }
        catch (ArgumentException) { return segment; } // invalid UTF-16: its lone surrogates are replaced below
    }
}
