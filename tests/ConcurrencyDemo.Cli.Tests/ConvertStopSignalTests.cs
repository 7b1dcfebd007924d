using ConcurrencyDemo.Imaging;

namespace ConcurrencyDemo.Cli.Tests;

public sealed class ConvertStopSignalTests
{
    private const int PhotoCount = 60;

    [UnixFact]
    public void CtrlC_StopsBetweenStages_AndLeavesOnlyWholeImages()
    {
        using var photos = new PhotoFolder();
        // One photo under many names: enough work (several seconds) that the signal lands mid-batch even when a
        // busy machine lets the CLI run ahead of this test's reading of its stderr.
        string first = photos.WriteJpeg("photo-00.jpg", 2400, 1800);
        byte[] bytes = File.ReadAllBytes(first);
        var inputs = new List<string> { first };
        for (int i = 1; i < PhotoCount; i++)
        {
            string path = photos.PathOf($"photo-{i:00}.jpg");
            File.WriteAllBytes(path, bytes);
            inputs.Add(path);
        }
        using var cli = RunningCli.Start(["convert", .. inputs, "--out", photos.OutputDirectory, "--verbose"]);
        cli.WaitForStderr(lines => lines.Count(l => l.Contains(": Converting ")) >= 3, TimeSpan.FromSeconds(30));

        cli.Signal(RunningCli.SIGINT);

        Assert.Equal(130, cli.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.Contains("Cancelled.", cli.StderrSeen);
        Assert.DoesNotContain(cli.StderrSeen, l => l.Contains("cannot convert") || l.Contains("   at "));
        string[] outputs = photos.OutputNames();
        Assert.InRange(outputs.Length, 2, PhotoCount - 1);
        Assert.All(outputs, name =>
        {
            Assert.EndsWith(".jpg", name);
            Assert.False(name.StartsWith('.'), $"A temporary file was left behind: {name}");
            using var image = ImageCodec.Load(photos.OutputOf(name));
            Assert.Equal((1200, 900), (image.Width, image.Height));
        });
    }
}
