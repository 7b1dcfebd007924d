using ConcurrencyDemo.Imaging.Memory;
using Xunit;

namespace ConcurrencyDemo.Imaging.Tests.Memory;

public sealed class RentedFileBytesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rented-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(3 * 1024 * 1024 + 5)] // from the large-array pool, whose arrays are longer than asked
    public void Holds_exactly_the_files_bytes(int length)
    {
        byte[] content = new byte[length];
        new Random(length).NextBytes(content);
        string path = Path.Combine(_folder, "photo.jpg");
        File.WriteAllBytes(path, content);

        using var bytes = RentedFileBytes.Read(path);

        Assert.Equal(length, bytes.Length);
        Assert.True(bytes.Span.SequenceEqual(content));
    }

    [Fact]
    public void A_missing_file_or_a_folder_fails_as_File_ReadAllBytes_does()
    {
        string missing = Path.Combine(_folder, "missing.jpg");
        Assert.Equal(Record.Exception(() => File.ReadAllBytes(missing))!.GetType(), Record.Exception(() => RentedFileBytes.Read(missing))!.GetType());
        Assert.Equal(Record.Exception(() => File.ReadAllBytes(_folder))!.GetType(), Record.Exception(() => RentedFileBytes.Read(_folder))!.GetType());
    }

    [Fact]
    public void A_pipe_is_read_to_its_end()
    {
        if (OperatingSystem.IsWindows()) return; // no named pipes in the file system there
        string fifo = Path.Combine(_folder, "photo.fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        byte[] content = [0xFF, 0xD8, 0xFF, 0xD9, 1, 2, 3];
        var writer = Task.Run(() => File.WriteAllBytes(fifo, content));

        using var bytes = RentedFileBytes.Read(fifo);

        writer.Wait(TimeSpan.FromSeconds(10));
        Assert.True(bytes.Span.SequenceEqual(content));
    }

    [Fact]
    public void Its_span_cannot_be_used_after_dispose()
    {
        string path = Path.Combine(_folder, "photo.jpg");
        File.WriteAllBytes(path, [1, 2, 3]);
        var bytes = RentedFileBytes.Read(path);
        bytes.Dispose();
        Assert.Throws<ObjectDisposedException>(() => bytes.Span.Length);
    }
}
