using System.Text;
using ConcurrencyDemo.IO;

namespace ConcurrencyDemo.Timelines.Files;

/// <summary>Writes runs to a timeline file, whole or not at all, in the format the caller or the file name asks for.</summary>
public static class TimelineFile
{
    /// <summary>UTF-8 without a byte-order mark: what browsers, Perfetto and JSON parsers all take.</summary>
    internal static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The extensions each format is recognised by, for messages: ".json (Trace), .svg (Svg), .html or .htm (Html)".</summary>
    public const string KnownExtensions = ".json (Trace), .svg (Svg), .html or .htm (Html)";

    /// <summary>The format a file name asks for, by its extension in any case; null when it names none.</summary>
    public static TimelineFileFormat? FormatFromExtension(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => TimelineFileFormat.Trace,
            ".svg" => TimelineFileFormat.Svg,
            ".html" or ".htm" => TimelineFileFormat.Html,
            _ => null,
        };

    /// <summary>
    /// Writes to a temporary file beside <paramref name="path"/> and renames it into place: a failure leaves no
    /// partial file. Without <paramref name="overwrite"/> an existing file is a <see cref="FileExistsException"/>.
    /// </summary>
    public static void Save(string path, TimelineFileFormat format, IReadOnlyList<TimelineRun> runs, bool overwrite) =>
        AtomicFile.Write(path, stream => Write(stream, format, runs), overwrite);

    public static void Write(Stream stream, TimelineFileFormat format, IReadOnlyList<TimelineRun> runs)
    {
        switch (format)
        {
            case TimelineFileFormat.Trace:
                TraceEventWriter.Write(stream, runs);
                break;
            case TimelineFileFormat.Svg:
                using (var writer = new StreamWriter(stream, Utf8, leaveOpen: true))
                    SvgTimelineWriter.Write(writer, runs);
                break;
            case TimelineFileFormat.Html:
                using (var writer = new StreamWriter(stream, Utf8, leaveOpen: true))
                    HtmlReportWriter.Write(writer, runs);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown timeline file format.");
        }
    }
}
