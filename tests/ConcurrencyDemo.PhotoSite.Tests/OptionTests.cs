namespace ConcurrencyDemo.PhotoSite.Tests;

public sealed class OptionTests
{
    public static TheoryData<DemoImageServerOptions, string, string> RefusedOptions => new()
    {
        { new() { Count = 0 }, "Count", "0 is not a number of photos from 1 to 1000." },
        { new() { Count = 1001 }, "Count", "1001 is not a number of photos" },
        { new() { Width = 0 }, "Width", "0 is not a width from 1 to 8192 pixels." },
        { new() { Height = 9000 }, "Height", "9000 is not a height from 1 to 8192 pixels." },
        { new() { Latency = TimeSpan.FromMilliseconds(-1) }, "Latency", "-1 ms is not a latency" },
        { new() { BytesPerSecond = -5 }, "BytesPerSecond", "-5 is not a number of bytes per second" },
        { new() { Port = 70000 }, "Port", "70000 is not a port from 0 (any free one) to 65535." },
        { new() { FolderPath = " " }, "FolderPath", "The folder path is empty." },
    };

    [Theory]
    [MemberData(nameof(RefusedOptions))]
    public void A_bad_option_is_refused_naming_it(DemoImageServerOptions options, string option, string message)
    {
        var error = Assert.Throws<InvalidServerOptionException>(() => DemoImageServer.Start(options));
        Assert.Equal(option, error.Option);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void A_missing_folder_a_file_and_a_folder_without_images_are_refused_by_path()
    {
        string folder = Directory.CreateTempSubdirectory("cd-site-").FullName;
        try
        {
            string missing = Path.Combine(folder, "missing");
            var error = Assert.Throws<InvalidServerOptionException>(() => DemoImageServer.Start(new DemoImageServerOptions { FolderPath = missing }));
            Assert.Equal(("FolderPath", $"The folder '{missing}' does not exist."), (error.Option, error.Message));

            string file = Path.Combine(folder, "a.jpg");
            File.WriteAllBytes(file, [0xFF, 0xD8]);
            error = Assert.Throws<InvalidServerOptionException>(() => DemoImageServer.Start(new DemoImageServerOptions { FolderPath = file }));
            Assert.Equal($"'{file}' is a file, not a folder of images.", error.Message);

            string empty = Directory.CreateDirectory(Path.Combine(folder, "empty")).FullName;
            File.WriteAllText(Path.Combine(empty, "readme.txt"), "no photos here");
            error = Assert.Throws<InvalidServerOptionException>(() => DemoImageServer.Start(new DemoImageServerOptions { FolderPath = empty }));
            Assert.Equal($"The folder '{empty}' holds no images (jpg, jpeg, png, gif, webp).", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void GetImageBytes_of_an_unknown_name_says_so()
    {
        using var server = SmallSite.Start(count: 1);
        var error = Assert.Throws<KeyNotFoundException>(() => server.GetImageBytes("photo-02.jpg"));
        Assert.Equal("The demo photo site has no image named 'photo-02.jpg'.", error.Message);
    }

    [Fact]
    public void The_default_options_are_15_photos_of_1600_by_1067_with_no_latency_and_no_cap()
    {
        var options = new DemoImageServerOptions();
        Assert.Equal((null, 15, 1600, 1067, TimeSpan.Zero, 0L, 0), (options.FolderPath, options.Count, options.Width, options.Height, options.Latency, options.BytesPerSecond, options.Port));
    }
}
