using ConcurrencyDemo.Engine.Workloads.Download;

namespace ConcurrencyDemo.Engine.Tests;

public sealed class DownloadNamesTests
{
    private static IReadOnlyList<PlannedName> Plan(params string[] uris) => DownloadNames.Plan(uris.Select(u => new Uri(u)));

    [Fact]
    public void Distinct_urls_keep_their_own_names()
    {
        var names = Plan("https://a.example/x.jpg", "https://a.example/y.png", "https://images.unsplash.com/photo-1");
        Assert.Equal([new("x.jpg", false), new("y.png", false), new("photo-1", true)], names);
    }

    [Fact]
    public void Two_urls_with_one_name_get_distinct_names_in_input_order()
    {
        var names = Plan("https://a.example/photo.jpg", "https://b.example/photo.jpg", "https://c.example/PHOTO.jpg");
        Assert.Equal(["photo.jpg", "photo-2.jpg", "PHOTO-3.jpg"], names.Select(n => n.Name));
    }

    [Fact]
    public void A_name_without_extension_is_kept_clear_of_what_it_may_become()
    {
        var names = Plan("https://a.example/photo.jpg", "https://b.example/photo", "https://c.example/photo.gif");
        Assert.Equal(["photo.jpg", "photo-2", "photo.gif"], names.Select(n => n.Name));
        Assert.Equal("photo-2.png", names[1].For(ImageSignature.Png));
        Assert.Equal("photo.gif", names[2].For(ImageSignature.Png));
    }

    [Fact]
    public void A_suffix_that_is_taken_already_is_skipped()
    {
        var names = Plan("https://a.example/p-2.jpg", "https://a.example/p.jpg", "https://b.example/p.jpg");
        Assert.Equal(["p-2.jpg", "p.jpg", "p-3.jpg"], names.Select(n => n.Name));
    }

    [Fact]
    public void Twenty_thousand_urls_with_one_name_are_named_in_one_pass()
    {
        var uris = Enumerable.Range(0, 20_000).Select(i => new Uri($"https://a.example/{i}/download")).ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var names = DownloadNames.Plan(uris);

        // Trying every suffix from -2 again for each URL took minutes; one pass takes milliseconds.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"planned in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(["download", "download-2", "download-3"], names.Take(3).Select(n => n.Name));
        Assert.Equal("download-20000", names[^1].Name);
        Assert.Equal(20_000, names.Select(n => n.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void The_same_urls_get_the_same_names_every_time()
    {
        string[] uris = ["https://a.example/", "https://b.example/", "https://a.example/x/CON"];
        Assert.Equal(Plan(uris), Plan(uris));
        Assert.Equal(["image", "image-2", "_CON"], Plan(uris).Select(n => n.Name));
    }
}
