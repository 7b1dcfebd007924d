using System.Text;
using ConcurrencyDemo.Engine.Workloads.Download;

namespace ConcurrencyDemo.Engine.Tests;

public sealed class DownloadFileNameTests
{
    [Theory]
    [InlineData("https://images.unsplash.com/photo-1516117172878-fd2c41f4a759", "photo-1516117172878-fd2c41f4a759")]
    [InlineData("https://example.com/a/b/photo.jpg?w=1080&q=80#top", "photo.jpg")]
    [InlineData("https://example.com/photos/", "photos")]
    [InlineData("https://example.com/", DownloadFileName.Fallback)]
    [InlineData("https://example.com", DownloadFileName.Fallback)]
    [InlineData("https://example.com/caf%C3%A9%20au%20lait.png", "café au lait.png")]
    public void The_name_is_the_last_path_segment_decoded(string uri, string expected) =>
        Assert.Equal(expected, DownloadFileName.FromUri(new Uri(uri)));

    [Theory]
    [InlineData("https://example.com/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("https://example.com/..%5C..%5Cwindows%5Cwin.ini")]
    [InlineData("https://example.com/%2E%2E")]
    [InlineData("https://example.com/a/%2E%2E/%2E%2E/")]
    [InlineData("https://example.com/C:%5CWindows%5Cx.jpg")]
    [InlineData("https://example.com/%2Fetc%2Fpasswd")]
    [InlineData("https://example.com/x%00y.jpg")]
    [InlineData("https://example.com/..")]
    [InlineData("https://example.com/.hidden")]
    [InlineData("https://example.com/name.%20.%20")]
    [InlineData("https://example.com/%E2%80%AEgpj.exe")]
    public void Hostile_segments_become_one_plain_name_inside_the_folder(string uri)
    {
        string name = DownloadFileName.FromUri(new Uri(uri));
        string folder = Path.Combine(Path.GetTempPath(), "downloads");

        Assert.DoesNotContain('/', name);
        Assert.DoesNotContain('\\', name);
        Assert.DoesNotContain(':', name);
        Assert.False(name.StartsWith('.'), name);
        Assert.False(name.EndsWith('.') || name.EndsWith(' '), name);
        Assert.All(name, c => Assert.False(char.IsControl(c) || c == '\u202E', $"'{name}' has U+{(int)c:X4}"));
        Assert.Equal(Path.Combine(folder, name), DownloadFileName.PathInside(folder, name));
    }

    [Theory]
    [InlineData("CON", "_CON")]
    [InlineData("con.jpg", "_con.jpg")]
    [InlineData("NUL.tar.gz", "_NUL.tar.gz")]
    [InlineData("Com1.png", "_Com1.png")]
    [InlineData("LPT9", "_LPT9")]
    [InlineData("aux ", "_aux")]
    [InlineData("CONSOLE.jpg", "CONSOLE.jpg")]
    [InlineData("COM10", "COM10")]
    public void Reserved_Windows_device_names_are_prefixed(string segment, string expected) =>
        Assert.Equal(expected, DownloadFileName.Sanitize(segment));

    [Theory]
    [InlineData("a<b>c:d\"e|f?g*h.jpg", "a_b_c_d_e_f_g_h.jpg")]
    [InlineData("[draft] photo.jpg", "_draft_ photo.jpg")]
    [InlineData("tab\there", "tab_here")]
    [InlineData("...", DownloadFileName.Fallback)]
    [InlineData("", DownloadFileName.Fallback)]
    [InlineData("  photo.jpg  ", "photo.jpg")]
    public void Characters_no_platform_or_wildcard_accepts_are_replaced(string segment, string expected) =>
        Assert.Equal(expected, DownloadFileName.Sanitize(segment));

    [Fact]
    public void A_300_character_segment_is_cut_and_keeps_its_image_extension()
    {
        string name = DownloadFileName.Sanitize(new string('x', 300) + ".jpeg");
        Assert.True(Encoding.UTF8.GetByteCount(name) <= DownloadFileName.MaxBytes, name);
        Assert.EndsWith(".jpeg", name);
    }

    [Fact]
    public void Cutting_a_long_name_never_splits_a_character()
    {
        string name = DownloadFileName.Sanitize(string.Concat(Enumerable.Repeat("é😀", 100)));
        Assert.True(Encoding.UTF8.GetByteCount(name) <= DownloadFileName.MaxBytes);
        Assert.Equal(name, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(name)));
    }

    [Theory]
    [InlineData("photo.jpg", true)]
    [InlineData("photo.JPEG", true)]
    [InlineData("photo.webp", true)]
    [InlineData("photo-1516117172878-fd2c41f4a759", false)]
    [InlineData("image.php", false)]
    [InlineData("photo.1.2", false)]
    [InlineData(".jpg", false)]
    public void An_image_extension_keeps_the_name_as_it_is(string name, bool expected) =>
        Assert.Equal(expected, DownloadFileName.HasImageExtension(name));

    [Theory]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("")]
    public void A_path_outside_the_folder_is_refused(string name)
    {
        string folder = Path.Combine(Path.GetTempPath(), "downloads");
        Assert.Throws<ArgumentException>(() => DownloadFileName.PathInside(folder, name));
    }
}
