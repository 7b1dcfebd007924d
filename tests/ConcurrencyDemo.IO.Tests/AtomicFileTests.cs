using System.Text;

namespace ConcurrencyDemo.IO.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cd-atomic-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Action<Stream> Writes(string text) => stream => stream.Write(Encoding.UTF8.GetBytes(text));

    private static Action<Stream> FailsAfterWriting(string text) => stream =>
    {
        stream.Write(Encoding.UTF8.GetBytes(text));
        throw new InvalidOperationException("the writer broke");
    };

    [Fact]
    public void Writes_the_contents_and_leaves_nothing_else()
    {
        string path = Path.Combine(_directory, "a.txt");
        AtomicFile.Write(path, Writes("hello"), overwrite: false);
        Assert.Equal("hello", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void An_existing_file_is_kept_unless_overwrite_is_asked_for()
    {
        string path = Path.Combine(_directory, "exists.txt");
        File.WriteAllText(path, "old");
        var error = Assert.ThrowsAny<IOException>(() => AtomicFile.Write(path, Writes("new"), overwrite: false));
        Assert.Contains("exists.txt' already exists", error.Message);
        Assert.Equal("old", File.ReadAllText(path));

        AtomicFile.Write(path, Writes("new"), overwrite: true);
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void A_failed_write_leaves_no_file_and_no_temporary_file()
    {
        string path = Path.Combine(_directory, "broken.txt");
        var error = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, FailsAfterWriting("part"), overwrite: false));
        Assert.Equal("the writer broke", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void A_failed_overwrite_keeps_the_old_file()
    {
        string path = Path.Combine(_directory, "old.txt");
        File.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, FailsAfterWriting("part"), overwrite: true));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void A_file_created_by_someone_else_during_the_write_is_kept()
    {
        string path = Path.Combine(_directory, "race.txt");
        var error = Assert.ThrowsAny<IOException>(() => AtomicFile.Write(path, stream =>
        {
            File.WriteAllText(path, "theirs");
            Writes("ours")(stream);
        }, overwrite: false));
        Assert.Contains("already exists", error.Message);
        Assert.Equal("theirs", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void An_empty_path_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => AtomicFile.Write("", Writes("x"), overwrite: false));
    }
}
