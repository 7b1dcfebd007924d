using System.Xml.Linq;
using ConcurrencyDemo.IO;
using ConcurrencyDemo.Timelines.Files;
using static ConcurrencyDemo.Timelines.Tests.Samples;

namespace ConcurrencyDemo.Timelines.Tests.Files;

public sealed class TimelineFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("timeline-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("runs.json", TimelineFileFormat.Trace)]
    [InlineData("runs.trace.JSON", TimelineFileFormat.Trace)]
    [InlineData("/x/runs.svg", TimelineFileFormat.Svg)]
    [InlineData("report.html", TimelineFileFormat.Html)]
    [InlineData("report.HTM", TimelineFileFormat.Html)]
    [InlineData("runs.txt", null)]
    [InlineData("runs", null)]
    public void The_extension_chooses_the_format(string path, TimelineFileFormat? expected)
    {
        Assert.Equal(expected, TimelineFile.FormatFromExtension(path));
    }

    [Fact]
    public void Each_format_is_saved_whole_in_UTF8_without_a_byte_order_mark()
    {
        IReadOnlyList<TimelineRun> runs = [TwoWorkerProcesses()];
        foreach (var format in Enum.GetValues<TimelineFileFormat>())
        {
            string path = Path.Combine(_folder, "runs." + format);
            TimelineFile.Save(path, format, runs, overwrite: false);

            byte[] bytes = File.ReadAllBytes(path);
            Assert.NotEqual(0xEF, bytes[0]);
            string text = File.ReadAllText(path);
            switch (format)
            {
                case TimelineFileFormat.Trace: System.Text.Json.JsonDocument.Parse(text).Dispose(); break;
                case TimelineFileFormat.Svg: XDocument.Parse(text); break;
                case TimelineFileFormat.Html: Assert.EndsWith("</html>" + Environment.NewLine, text); break;
            }
        }
        Assert.Equal(3, Directory.GetFiles(_folder).Length);
    }

    [Fact]
    public void An_existing_file_is_kept_unless_overwriting_is_asked_for()
    {
        string path = Path.Combine(_folder, "runs.svg");
        File.WriteAllText(path, "keep me");

        Assert.Throws<FileExistsException>(() => TimelineFile.Save(path, TimelineFileFormat.Svg, [Sequential()], overwrite: false));
        Assert.Equal("keep me", File.ReadAllText(path));

        TimelineFile.Save(path, TimelineFileFormat.Svg, [Sequential()], overwrite: true);
        Assert.StartsWith("<?xml", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }
}
