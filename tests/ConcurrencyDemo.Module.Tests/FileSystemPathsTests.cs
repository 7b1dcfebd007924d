using ConcurrencyDemo.Paths;

namespace ConcurrencyDemo.Module.Tests;

public class FileSystemPathsTests
{
    private static readonly string Base = OperatingSystem.IsWindows() ? @"C:\work\photos" : "/work/photos";

    [Fact]
    public void A_relative_path_is_read_from_the_PowerShell_location_not_the_process_directory()
    {
        string full = FileSystemPaths.ToFullPath(Path.Combine("thumbs", "a.jpg"), Base);
        Assert.Equal(Path.Combine(Base, "thumbs", "a.jpg"), full);
        Assert.NotEqual(Path.GetFullPath(Path.Combine("thumbs", "a.jpg")), full);
    }

    [Fact]
    public void Dot_dot_is_resolved()
    {
        Assert.Equal(Path.Combine(Path.GetDirectoryName(Base)!, "out"), FileSystemPaths.ToFullPath(Path.Combine("..", "out"), Base));
    }

    [Fact]
    public void A_full_path_is_kept()
    {
        string elsewhere = OperatingSystem.IsWindows() ? @"D:\data\x.png" : "/data/x.png";
        Assert.Equal(elsewhere, FileSystemPaths.ToFullPath(elsewhere, Base));
    }

    [Fact]
    public void An_empty_path_or_a_relative_base_is_refused()
    {
        Assert.Throws<ArgumentException>(() => FileSystemPaths.ToFullPath(" ", Base));
        Assert.Throws<ArgumentException>(() => FileSystemPaths.ToFullPath("a.jpg", "relative"));
    }

    [Theory]
    [InlineData("FileSystem", true)]
    [InlineData("filesystem", true)]
    [InlineData("Registry", false)]
    [InlineData(null, false)]
    public void Only_the_FileSystem_provider_gives_file_paths(string? provider, bool expected)
    {
        Assert.Equal(expected, FileSystemPaths.IsFileSystemProvider(provider));
    }
}
