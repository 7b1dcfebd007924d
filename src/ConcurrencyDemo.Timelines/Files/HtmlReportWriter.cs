using System.Globalization;
using System.Net;
using ConcurrencyDemo.Timelines.Measuring;

namespace ConcurrencyDemo.Timelines.Files;

/// <summary>
/// A single self-contained web page: the SVG timeline of every run and the table of their measurements. No
/// script and nothing fetched: its Content-Security-Policy forbids anything that is not inline, so the page is
/// the same offline, mailed, or opened years later.
/// </summary>
public static class HtmlReportWriter
{
    private const string Styles =
        "body{font-family:system-ui,sans-serif;margin:24px;color:#222;background:#fff}" +
        "h1{font-size:22px}h2{font-size:17px;margin-top:28px}p{max-width:60em;line-height:1.4}" +
        "svg{max-width:100%;height:auto;border:1px solid #e3e6ea}" +
        "table{border-collapse:collapse;font-size:12px}th,td{padding:4px 6px;border-bottom:1px solid #e3e6ea;text-align:right;white-space:nowrap}" +
        "th{background:#f4f6f8;white-space:normal;vertical-align:bottom}.text{text-align:left}tbody tr:hover{background:#f9fafb}";

    /// <summary>The table's columns: header, and the cell of a measurement.</summary>
    private static readonly (string Header, bool IsText, Func<RunMeasurement, string> Cell)[] Columns =
    [
        ("Workload", true, m => m.Workload),
        ("Mode", true, m => m.Mode),
        ("Limit", false, m => Invariant(m.ThrottleLimit)),
        ("Items", false, m => Invariant(m.Items)),
        ("Failed", false, m => Invariant(m.Failed)),
        ("Elapsed (s)", false, m => Invariant(m.ElapsedSeconds, "0.000")),
        ("Work (s)", false, m => Invariant(m.WorkSeconds, "0.000")),
        ("Average at once", false, m => Invariant(m.AverageConcurrency, "0.00")),
        ("Peak at once", false, m => Invariant(m.PeakConcurrency)),
        ("Speed-up", false, m => Invariant(m.SpeedUp, "0.00")),
        ("against", true, m => m.SpeedUpBaseline),
        ("Lanes", false, m => Invariant(m.Lanes)),
        ("Threads", false, m => Invariant(m.Threads)),
        ("Processes", false, m => Invariant(m.Processes)),
        ("Worker start-up (s)", false, m => Invariant(m.WorkerStartupSeconds, "0.000")),
        ("Host", true, m => m.WorkerHost),
        ("Run", true, m => m.RunId),
    ];

    public static void Write(TextWriter output, IReadOnlyList<TimelineRun> runs)
    {
        var measurements = RunMeasurer.Measure(runs);
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\">");
        output.WriteLine("<head>");
        output.WriteLine("<meta charset=\"utf-8\">");
        output.WriteLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        output.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        output.WriteLine($"<title>Concurrency timeline: {Invariant(runs.Count)} run(s)</title>");
        output.WriteLine($"<style>{Styles}</style>");
        output.WriteLine("</head>");
        output.WriteLine("<body>");
        output.WriteLine("<h1>Concurrency timeline</h1>");
        output.WriteLine("<p>Every run on one time axis, in seconds from its own start. A row is a lane (a thread, a pool " +
                         "thread, a worker process or a task); a bar is an item, from when it started to when it ended; " +
                         "orange is a worker process starting, red an item that failed. Point at a bar to see the item's fields.</p>");
        SvgTimelineWriter.Write(output, runs, embedded: true);
        output.WriteLine();
        output.WriteLine("<h2>The runs compared</h2>");
        output.WriteLine("<table>");
        output.Write("<thead><tr>");
        foreach (var column in Columns)
            output.Write($"<th{Class(column.IsText)}>{Encode(column.Header)}</th>");
        output.WriteLine("</tr></thead>");
        output.WriteLine("<tbody>");
        foreach (var measurement in measurements)
        {
            output.Write("<tr>");
            foreach (var column in Columns)
                output.Write($"<td{Class(column.IsText)}>{Encode(column.Cell(measurement))}</td>");
            output.WriteLine("</tr>");
        }
        output.WriteLine("</tbody>");
        output.WriteLine("</table>");
        output.WriteLine("<p>Elapsed runs from the first item's start (or the first worker's start-up) to the last item's end; " +
                         "work adds up the items' own durations. Speed-up is the Sequential run's elapsed time over this run's, " +
                         "where the same batch also ran Sequential; otherwise it is the work over the elapsed time.</p>");
        output.WriteLine("</body>");
        output.WriteLine("</html>");
    }

    private static string Class(bool isText) => isText ? " class=\"text\"" : "";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
