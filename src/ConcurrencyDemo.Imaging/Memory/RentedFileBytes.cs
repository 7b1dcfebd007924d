namespace ConcurrencyDemo.Imaging.Memory;

/// <summary>
/// A whole file's bytes in an array rented from <see cref="PixelArrayPool"/>; dispose to give it back.
/// A batch reads one photo after another, and File.ReadAllBytes left each one as large-object garbage until
/// the next full collection (43 MB per run of the 15 shared photos), which a long pwsh session carries as
/// working set.
/// </summary>
internal sealed class RentedFileBytes : IDisposable
{
    private byte[]? _array;
    private readonly bool _pooled;

    private RentedFileBytes(byte[] array, int length, bool pooled)
    {
        _array = array;
        Length = length;
        _pooled = pooled;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => (_array ?? throw new ObjectDisposedException(nameof(RentedFileBytes))).AsSpan(0, Length);

    /// <summary>Reads the file as it is when opened; the BCL's exceptions, as File.ReadAllBytes throws them.</summary>
    public static RentedFileBytes Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        long length = file.CanSeek ? file.Length : 0;
        if (length > Array.MaxLength)
            throw new IOException($"The file '{path}' is {length} bytes, too large to read into memory.");
        if (length == 0)
        {
            // A pipe, or a file that does not know its length (procfs): read to the end, as File.ReadAllBytes does.
            using var whole = new MemoryStream();
            file.CopyTo(whole);
            return new RentedFileBytes(whole.GetBuffer(), (int)whole.Length, pooled: false);
        }
        byte[] array = PixelArrayPool.Rent((int)length);
        try
        {
            file.ReadExactly(array, 0, (int)length);
        }
        catch
        {
            PixelArrayPool.Return(array);
            throw;
        }
        return new RentedFileBytes(array, (int)length, pooled: true);
    }

    public void Dispose()
    {
        if (_pooled && _array is { } array) PixelArrayPool.Return(array);
        _array = null;
    }
}
