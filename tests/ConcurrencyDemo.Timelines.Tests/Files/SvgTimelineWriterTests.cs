using System.Globalization;
using System.Xml.Linq;
using ConcurrencyDemo.Timelines.Files;
using static ConcurrencyDemo.Timelines.Tests.Samples;

namespace ConcurrencyDemo.Timelines.Tests.Files;

public class SvgTimelineWriterTests
{
    private static readonly XNamespace Svg = SvgTimelineWriter.Namespace;

    private static string Write(bool embedded, params TimelineRun[] runs)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        SvgTimelineWriter.Write(text, runs, embedded);
        return text.ToString();
    }

    private static List<XElement> ItemShapes(XDocument svg) =>
        svg.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(SvgTimelineWriter.ItemClass) == true && e.Name != Svg + "g").ToList();

    private static double Number(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public void It_is_well_formed_svg_with_one_shape_per_item()
    {
        var svg = XDocument.Parse(Write(false, Sequential(), PoolOfSixTakingTwoRounds(), TwoWorkerProcesses()));

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.Equal(24, ItemShapes(svg).Count);
        Assert.All(ItemShapes(svg), shape => Assert.Equal(Svg + "rect", shape.Name));
        Assert.Equal(2, svg.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("class") == SvgTimelineWriter.StartupClass));
    }

    [Fact]
    public void Each_item_s_tooltip_gives_its_fields()
    {
        var svg = XDocument.Parse(Write(false, PoolOfSixTakingTwoRounds()));

        var tooltip = ItemShapes(svg).First().Element(Svg + "title")!.Value;
        Assert.StartsWith("sleep 1 s #1\n", tooltip);
        Assert.Contains("\nWorker: Pool-1\n", tooltip);
        Assert.Contains("\nStartSeconds: 0.01\n", tooltip);
    }

    [Fact]
    public void Runs_share_one_time_axis()
    {
        var svg = XDocument.Parse(Write(false, Sequential(), PoolOfSixTakingTwoRounds()));

        // Item 0 of both runs starts at 0.01 s; the pool's seventh item ends at 2.01 s, when the sequential run's third starts.
        var shapes = ItemShapes(svg);
        Assert.Equal(Number(shapes[0], "x"), Number(shapes[10], "x"), 2);
        var sequentialThird = shapes[2];
        var poolSeventh = shapes.Skip(10).Single(s => s.Element(Svg + "title")!.Value.StartsWith("sleep 1 s #7\n", StringComparison.Ordinal));
        // A bar stops a pixel short of its end, so that neighbours in a lane stay apart.
        Assert.InRange(Number(poolSeventh, "x") + Number(poolSeventh, "width") + 1 - Number(sequentialThird, "x"), -0.05, 0.05);
    }

    [Fact]
    public void Labels_and_tooltips_are_escaped()
    {
        var run = TimelineRun.Group([Item("W<1>", 0, 0, 1, label: "a & b <c> \"d\"")]).Single();

        var svg = XDocument.Parse(Write(false, run));

        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "a & b <c> \"d\"");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "W<1>");
    }

    [Fact]
    public void Failed_items_have_a_class_of_their_own()
    {
        var run = TimelineRun.Group([Item("Thread-1", 0, 0, 1), Item("Thread-2", 1, 0, 1, success: false)]).Single();

        var classes = ItemShapes(XDocument.Parse(Write(false, run))).Select(s => (string)s.Attribute("class")!).ToList();

        Assert.Equal(["item", "item failed"], classes);
    }

    [Fact]
    public void Embedded_in_a_page_it_has_no_XML_declaration_and_nothing_from_elsewhere()
    {
        string svg = Write(true, TwoWorkerProcesses());

        Assert.StartsWith("<svg", svg);
        XDocument.Parse(svg);
        Assert.DoesNotContain("<script", svg);
        Assert.DoesNotContain("href", svg);
        Assert.DoesNotContain("url(", svg);
        Assert.DoesNotContain("@import", svg);
    }
}
