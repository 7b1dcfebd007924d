namespace ConcurrencyDemo.Timelines.Files;

/// <summary>The files a timeline is exported to.</summary>
public enum TimelineFileFormat
{
    /// <summary>Chrome Trace Event JSON, for Perfetto UI and chrome://tracing (.json).</summary>
    Trace,

    /// <summary>A self-contained SVG picture of every run on one time axis (.svg).</summary>
    Svg,

    /// <summary>A self-contained web page: the SVG and the table of measurements (.html, .htm).</summary>
    Html,
}
