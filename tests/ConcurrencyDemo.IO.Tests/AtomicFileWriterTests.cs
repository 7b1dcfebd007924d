namespace ConcurrencyDemo.IO.Tests;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cd-atomic-writer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public void The_temporary_file_is_hidden_beside_the_final_one_and_names_it()
    {
        string temporary = AtomicFileWriter.TemporaryPathFor(PathOf("photo.jpg"), "batch1");
        Assert.Equal(PathOf(".photo.jpg.batch1.tmp"), temporary);
    }

    [Fact]
    public void Commit_puts_the_whole_file_in_place_and_leaves_nothing_else()
    {
        using (var writer = AtomicFileWriter.Create(PathOf(".a.tmp")))
        {
            writer.Stream.Write([1, 2, 3]);
            Assert.True(File.Exists(writer.TemporaryPath));
            Assert.False(File.Exists(PathOf("a.bin")));
            writer.Commit(PathOf("a.bin"), overwrite: false);
        }
        Assert.Equal([1, 2, 3], File.ReadAllBytes(PathOf("a.bin")));
        Assert.Equal([PathOf("a.bin")], Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void Disposing_without_a_commit_removes_the_temporary_file()
    {
        using (var writer = AtomicFileWriter.Create(PathOf(".b.tmp")))
            writer.Stream.Write([1, 2, 3]);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task Disposing_asynchronously_without_a_commit_removes_the_temporary_file()
    {
        await using (var writer = AtomicFileWriter.Create(PathOf(".c.tmp")))
            await writer.Stream.WriteAsync(new byte[] { 1, 2, 3 });
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void An_existing_file_is_kept_unless_overwrite_is_asked_for()
    {
        File.WriteAllText(PathOf("old.txt"), "old");
        using (var writer = AtomicFileWriter.Create(PathOf(".old.tmp")))
        {
            writer.Stream.Write("new"u8);
            var error = Assert.Throws<FileExistsException>(() => writer.Commit(PathOf("old.txt"), overwrite: false));
            Assert.Equal(PathOf("old.txt"), error.FullPath);
        }
        Assert.Equal("old", File.ReadAllText(PathOf("old.txt")));
        Assert.Single(Directory.GetFileSystemEntries(_directory));

        using (var writer = AtomicFileWriter.Create(PathOf(".old.tmp")))
        {
            writer.Stream.Write("new"u8);
            writer.Commit(PathOf("old.txt"), overwrite: true);
        }
        Assert.Equal("new", File.ReadAllText(PathOf("old.txt")));
        Assert.Single(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void A_temporary_file_that_exists_already_is_not_shared()
    {
        File.WriteAllText(PathOf(".taken.tmp"), "someone else's");
        Assert.ThrowsAny<IOException>(() => AtomicFileWriter.Create(PathOf(".taken.tmp")));
        Assert.Equal("someone else's", File.ReadAllText(PathOf(".taken.tmp")));
    }
}
