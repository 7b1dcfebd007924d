using System.Globalization;
using System.Text;
using System.Xml;
using ConcurrencyDemo.Timelines.Layout;

namespace ConcurrencyDemo.Timelines.Files;

/// <summary>
/// A self-contained SVG of runs stacked one under another on one shared time axis, so that modes compare at a
/// glance: a row per lane, a bar per item (its fields as a tooltip), a lighter bar where a worker was starting,
/// and a legend. Only generic font families and inline styles, no script: it shows the same offline, in a
/// browser, or embedded in the HTML report.
/// </summary>
public static class SvgTimelineWriter
{
    public const string Namespace = "http://www.w3.org/2000/svg";

    /// <summary>The class of every item's bar (with "alt" or "failed" added), for styles and for tests that count them.</summary>
    public const string ItemClass = "item";
    public const string StartupClass = "startup";

    private const double Width = 1000;
    private const double RightMargin = 28;
    private const double LaneHeight = 18;
    private const double BarHeight = 12;
    private const double RunTitleHeight = 22;
    private const double RunGap = 14;

    /// <summary>Wide enough for the widest character of 11 px sans-serif on average: labels that fit by this never spill.</summary>
    private const double CharacterWidth = 6.6;

    private const double MinimumTickSpacing = 80;

    private const string Styles =
        ".item,.key-item{fill:#3b7dd8}.item.alt{fill:#74a9ec}.item.failed,.key-failed{fill:#d9453b}" +
        ".startup,.key-startup{fill:#f2a93b}.label{fill:#fff;font-size:11px;pointer-events:none}" +
        ".lane{fill:#333;font-size:11px}.band{fill:#f4f6f8}.grid{stroke:#d8dde3;stroke-width:1}" +
        ".axis{fill:#555;font-size:11px}.title{fill:#111;font-size:13px;font-weight:bold}.legend{fill:#333;font-size:12px}";

    /// <param name="embedded">Leaves out the XML declaration, for an SVG inside an HTML page.</param>
    public static void Write(TextWriter output, IReadOnlyList<TimelineRun> runs, bool embedded = false)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            OmitXmlDeclaration = embedded,
            ConformanceLevel = embedded ? ConformanceLevel.Fragment : ConformanceLevel.Document,
            CloseOutput = false,
        };
        using var xml = XmlWriter.Create(output, settings);
        WriteSvg(xml, runs);
    }

    private static void WriteSvg(XmlWriter xml, IReadOnlyList<TimelineRun> runs)
    {
        int nameChars = runs.SelectMany(r => r.Lanes).Select(l => l.Name.Length).DefaultIfEmpty(4).Max();
        double left = Math.Clamp(16 + nameChars * CharacterWidth, 70, 160);
        double plotWidth = Width - left - RightMargin;
        int maxMarks = Math.Max(1, (int)(plotWidth / MinimumTickSpacing));
        double last = runs.Count == 0 ? 1 : runs.Max(r => r.ChartEndSeconds);
        double origin = runs.Count == 0 ? 0 : TimeScale.Covering(runs.Min(r => r.StartSeconds), last, (int)plotWidth, maxMarks).OriginSeconds;
        double step = AxisTicks.Step(last - origin, maxMarks);
        // The axis ends on a mark, so the last one is labelled.
        double axisLength = Math.Max(step, Math.Ceiling((last - origin) / step - 1e-9) * step);
        double X(double seconds) => left + Math.Clamp(seconds - origin, 0, axisLength) / axisLength * plotWidth;

        double chartTop = 44;
        double height = chartTop + runs.Sum(r => RunTitleHeight + r.Lanes.Count * LaneHeight + RunGap) + 46;

        xml.WriteStartElement("svg", Namespace);
        Attribute(xml, "width", Width);
        Attribute(xml, "height", height);
        xml.WriteAttributeString("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {Number(height)}"));
        xml.WriteAttributeString("font-family", "sans-serif");
        xml.WriteAttributeString("role", "img");
        xml.WriteElementString("title", Namespace, $"Concurrency timeline: {runs.Count} run(s) on one time axis");
        xml.WriteElementString("style", Namespace, Styles);
        Rectangle(xml, null, 0, 0, Width, height, fill: "#fff");
        WriteLegend(xml, left);

        double axisTop = height - 40;
        foreach (double mark in AxisTicks.Marks(axisLength, step).Select(m => origin + m))
        {
            xml.WriteStartElement("line", Namespace);
            xml.WriteAttributeString("class", "grid");
            Attribute(xml, "x1", X(mark));
            Attribute(xml, "x2", X(mark));
            Attribute(xml, "y1", chartTop);
            Attribute(xml, "y2", axisTop);
            xml.WriteEndElement();
            Text(xml, "axis", X(mark), axisTop + 14, AxisTicks.Format(mark, step), anchor: "middle");
        }
        Text(xml, "axis", left + plotWidth / 2, axisTop + 32, "seconds from the start of each run", anchor: "middle");

        double y = chartTop;
        foreach (var run in runs)
        {
            xml.WriteStartElement("g", Namespace);
            xml.WriteAttributeString("class", "run");
            xml.WriteAttributeString("data-run-id", run.RunId);
            // Over the grid lines, which would otherwise run through the words.
            Rectangle(xml, null, 0, y, Width, RunTitleHeight - 2, fill: "#fff");
            Text(xml, "title", 8, y + 15, RunTitle.Of(run));
            y += RunTitleHeight;
            for (int l = 0; l < run.Lanes.Count; l++, y += LaneHeight)
                WriteLane(xml, run.Lanes[l], y, l, left, plotWidth, X);
            xml.WriteEndElement();
            y += RunGap;
        }
        xml.WriteEndElement();
    }

    private static void WriteLegend(XmlWriter xml, double left)
    {
        double x = left;
        // Classes of their own, so that only real items carry the item class.
        foreach (var (cssClass, words) in new[] { ("key-item", "an item, from its start to its end"), ("key-failed", "a failed item"), ("key-startup", "a worker starting") })
        {
            Rectangle(xml, cssClass, x, 14, 22, BarHeight, rounded: true);
            Text(xml, "legend", x + 28, 24, words);
            x += 40 + words.Length * 6.8;
        }
    }

    private static void WriteLane(XmlWriter xml, TimelineLane lane, double y, int laneIndex, double left, double plotWidth, Func<double, double> x)
    {
        if (laneIndex % 2 == 1) Rectangle(xml, "band", left, y, plotWidth, LaneHeight);
        Text(xml, "lane", left - 8, y + 13, lane.Name, anchor: "end");
        double barTop = y + (LaneHeight - BarHeight) / 2;

        // Under a pixel it is a thread's start-up, which the tooltip of every item already tells.
        double startupWidth = x(lane.StartupReadySeconds) - x(lane.StartupStartSeconds);
        if (startupWidth >= 1)
        {
            Rectangle(xml, StartupClass, x(lane.StartupStartSeconds), barTop, startupWidth, BarHeight, tooltip: string.Create(CultureInfo.InvariantCulture,
                $"{lane.Name} starting: asked for at {lane.StartupStartSeconds:0.000} s, ready at {lane.StartupReadySeconds:0.000} s ({lane.StartupSeconds:0.000} s)"));
        }
        for (int i = 0; i < lane.Items.Count; i++)
        {
            var item = lane.Items[i];
            double barLeft = x(item.StartSeconds);
            // At least a pixel, so that no item vanishes; a gap of a pixel between neighbours of a lane.
            double barWidth = Math.Max(1, x(item.EndSeconds) - barLeft - 1);
            string cssClass = item.Success ? (i % 2 == 0 ? ItemClass : ItemClass + " alt") : ItemClass + " failed";
            Rectangle(xml, cssClass, barLeft, barTop, barWidth, BarHeight, rounded: true, tooltip: Tooltip(item));
            string label = BlockLabel.Choose(item, (int)Math.Floor((barWidth - 6) / CharacterWidth));
            if (label.Length > 0) Text(xml, "label", barLeft + 3, barTop + 10, label);
        }
    }

    /// <summary>The item's label, then every field of its result, one per line.</summary>
    private static string Tooltip(TimelineItem item)
    {
        var text = new StringBuilder(item.DisplayName);
        foreach (var field in item.DescribedFields())
            text.Append('\n').Append(field.Name).Append(": ").Append(field.Text);
        return text.ToString();
    }

    private static void Rectangle(XmlWriter xml, string? cssClass, double x, double y, double width, double height,
        string? fill = null, bool rounded = false, string? tooltip = null)
    {
        xml.WriteStartElement("rect", Namespace);
        if (cssClass is not null) xml.WriteAttributeString("class", cssClass);
        Attribute(xml, "x", x);
        Attribute(xml, "y", y);
        Attribute(xml, "width", width);
        Attribute(xml, "height", height);
        if (rounded) xml.WriteAttributeString("rx", "2");
        if (fill is not null) xml.WriteAttributeString("fill", fill);
        if (tooltip is not null) xml.WriteElementString("title", Namespace, tooltip);
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string cssClass, double x, double y, string text, string? anchor = null)
    {
        xml.WriteStartElement("text", Namespace);
        xml.WriteAttributeString("class", cssClass);
        Attribute(xml, "x", x);
        Attribute(xml, "y", y);
        if (anchor is not null) xml.WriteAttributeString("text-anchor", anchor);
        xml.WriteString(text);
        xml.WriteEndElement();
    }

    private static void Attribute(XmlWriter xml, string name, double value) => xml.WriteAttributeString(name, Number(value));

    private static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
