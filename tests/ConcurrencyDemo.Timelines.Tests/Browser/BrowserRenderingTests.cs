using ConcurrencyDemo.Timelines.Files;
using Xunit.Abstractions;
using static ConcurrencyDemo.Timelines.Tests.Samples;

namespace ConcurrencyDemo.Timelines.Tests.Browser;

/// <summary>
/// The SVG and the HTML report as a browser shows them: Debian's chromium renders each headless to a PNG, which
/// must not be blank (our own decoder reads it) and must show the bars, and the page must have logged nothing to
/// its console (no script errors, no load its Content-Security-Policy blocked). Skipped, with a message, where
/// chromium is not installed (.ci/run installs it).
/// </summary>
public sealed class BrowserRenderingTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("timeline-browser-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IReadOnlyList<TimelineRun> Runs()
    {
        var failing = TimelineRun.Group([Item("Thread-1", 0, 0.01, 0.4, "t", "Thread"), Item("Thread-2", 1, 0.01, 0.3, "t", "Thread", success: false)]).Single();
        return [Sequential(), PoolOfSixTakingTwoRounds(), TwoWorkerProcesses(), failing];
    }

    private string? Chromium()
    {
        string? chromium = HeadlessChromium.Find();
        if (chromium is null) output.WriteLine("Skipped: chromium is not installed (apt-get install chromium; .ci/run installs it).");
        return chromium;
    }

    [Theory]
    [InlineData(TimelineFileFormat.Html, "report.html")]
    [InlineData(TimelineFileFormat.Svg, "timeline.svg")]
    public void The_browser_draws_the_runs_and_logs_no_error(TimelineFileFormat format, string name)
    {
        if (Chromium() is not { } chromium) return;
        string path = Path.Combine(_folder, name);
        TimelineFile.Save(path, format, Runs(), overwrite: false);

        var page = HeadlessChromium.Open(chromium, path, 1100, 900);

        var picture = PictureStatistics.Measure(page.Screenshot);
        output.WriteLine($"{name}: {picture}");
        Assert.Equal((1100, 900), (picture.Width, picture.Height));
        Assert.True(picture.LuminanceDeviation > 10, $"The page looks blank: {picture}");
        Assert.True(picture.OffBackgroundShare > 0.03, $"Almost every pixel is the background: {picture}");
        // Bars, not only text: the blue of the items covers thousands of pixels.
        Assert.True(picture.ItemBluePixels > 2000, $"No bars to be seen: {picture}");
        Assert.Empty(page.ConsoleLines);
        Assert.DoesNotContain("parsererror", page.Dom);
        Assert.Contains("<svg", page.Dom);
        if (format == TimelineFileFormat.Html) Assert.Contains("<table", page.Dom);
    }

    /// <summary>The checks above can fail: an empty page is blank, and a page whose script fails says so on the console.</summary>
    [Fact]
    public void A_blank_page_and_a_failing_script_are_caught()
    {
        if (Chromium() is not { } chromium) return;
        string blank = Path.Combine(_folder, "blank.html");
        File.WriteAllText(blank, "<!DOCTYPE html><html><head><title>blank</title></head><body></body></html>");
        string failing = Path.Combine(_folder, "failing.html");
        File.WriteAllText(failing, "<!DOCTYPE html><html><body><p>text</p><script>undefinedFunction();</script></body></html>");

        var blankPicture = PictureStatistics.Measure(HeadlessChromium.Open(chromium, blank, 400, 300).Screenshot);
        var failingPage = HeadlessChromium.Open(chromium, failing, 400, 300);

        Assert.True(blankPicture.LuminanceDeviation < 1, blankPicture.ToString());
        Assert.Equal(0, blankPicture.ItemBluePixels);
        Assert.Contains(failingPage.ConsoleLines, l => l.Contains("undefinedFunction", StringComparison.Ordinal));
    }
}
