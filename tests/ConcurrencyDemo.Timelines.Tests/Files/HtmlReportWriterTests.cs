using System.Globalization;
using System.Text.RegularExpressions;
using ConcurrencyDemo.Timelines.Files;
using static ConcurrencyDemo.Timelines.Tests.Samples;

namespace ConcurrencyDemo.Timelines.Tests.Files;

public class HtmlReportWriterTests
{
    private static string Write(params TimelineRun[] runs)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        HtmlReportWriter.Write(text, runs);
        return text.ToString();
    }

    [Fact]
    public void The_page_holds_the_timeline_and_a_table_row_per_run()
    {
        string html = Write(Sequential(), PoolOfSixTakingTwoRounds(), TwoWorkerProcesses());

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Single(Regex.Matches(html, "<svg "));
        Assert.Equal(3, Regex.Matches(html, "<tbody>|<tr><td").Count - 1);
        // The pool's speed-up against the sequential run, as the table shows it.
        Assert.Contains("<td>4.98</td>", html);
        Assert.Contains("<td class=\"text\">Sequential</td>", html);
    }

    [Fact]
    public void The_page_loads_nothing_from_elsewhere_and_forbids_it()
    {
        string html = Write(PoolOfSixTakingTwoRounds());

        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\s(src|href)=", html);
        // The SVG namespace is a name, not a download.
        Assert.DoesNotContain(Regex.Matches(html, "https?://"), m => !html.AsSpan(m.Index).StartsWith(SvgTimelineWriter.Namespace));
    }

    [Fact]
    public void Labels_are_escaped_in_the_page_too()
    {
        var run = TimelineRun.Group([Item("W-1", 0, 0, 1, label: "</svg><b>bold</b>", workload: "<Odd & Co>")]).Single();

        string html = Write(run);

        Assert.DoesNotContain("<b>bold</b>", html);
        Assert.Contains("&lt;Odd &amp; Co&gt;", html);
    }
}
