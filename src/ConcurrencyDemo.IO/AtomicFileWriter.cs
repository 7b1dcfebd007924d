namespace ConcurrencyDemo.IO;

/// <summary>
/// A file written as a stream and put in place only when complete: the bytes go to a temporary file in the
/// destination's folder (so the rename cannot cross file systems), and <see cref="Commit"/> renames it to its
/// final name. Disposing without a commit (a failure, a cancellation) deletes the temporary file, so neither a
/// partial file under the final name nor the temporary one is left. For callers that only learn the final
/// name once the first bytes have arrived, or that must be able to find their temporary file again from
/// another process (see <see cref="TemporaryPathFor"/>).
/// </summary>
public sealed class AtomicFileWriter : IDisposable, IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly FileStream _stream;
    private bool _committed;

    private AtomicFileWriter(string temporaryPath, FileStream stream)
    {
        TemporaryPath = temporaryPath;
        _stream = stream;
    }

    /// <summary>Where the bytes go until <see cref="Commit"/>.</summary>
    public string TemporaryPath { get; }

    /// <summary>The stream to write to; closed by <see cref="Commit"/> or <see cref="Dispose"/>.</summary>
    public Stream Stream => _stream;

    /// <summary>
    /// ".photo.jpg.&lt;tag&gt;.tmp" beside <paramref name="path"/>: hidden on Unix, and found by a pattern that names
    /// its final file. A tag unique to the writer (a GUID, or a batch's id) keeps two writers apart.
    /// </summary>
    public static string TemporaryPathFor(string path, string tag)
    {
        string fullPath = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(fullPath) ?? ".", $".{Path.GetFileName(fullPath)}.{tag}.tmp");
    }

    /// <summary>Creates the temporary file, failing if it exists already (a writer never shares one).</summary>
    public static AtomicFileWriter Create(string temporaryPath, FileOptions options = FileOptions.None)
    {
        ArgumentException.ThrowIfNullOrEmpty(temporaryPath);
        var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, options);
        return new AtomicFileWriter(temporaryPath, stream);
    }

    /// <summary>
    /// Closes the stream and renames the temporary file to <paramref name="path"/>. Without
    /// <paramref name="overwrite"/> an existing file, even one created while this writer wrote, is kept and a
    /// <see cref="FileExistsException"/> thrown; the temporary file is gone either way.
    /// </summary>
    public void Commit(string path, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        try
        {
            _stream.Dispose();
            if (!overwrite && File.Exists(fullPath))
                throw new FileExistsException(fullPath);
            // Move without overwrite also catches a file created since the check above.
            File.Move(TemporaryPath, fullPath, overwrite);
            _committed = true;
        }
        catch (IOException ex) when (ex is not FileExistsException && !overwrite && File.Exists(fullPath))
        {
            throw new FileExistsException(fullPath);
        }
        finally
        {
            if (!_committed) DeleteTemporary();
        }
    }

    public void Dispose()
    {
        if (_committed) return;
        _stream.Dispose();
        DeleteTemporary();
    }

    public async ValueTask DisposeAsync()
    {
        if (_committed) return;
        await _stream.DisposeAsync().ConfigureAwait(false);
        DeleteTemporary();
    }

    /// <summary>Best effort: the file may already be gone, or (on Windows) still held by a virus scanner.</summary>
    public static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private void DeleteTemporary() => TryDelete(TemporaryPath);
}
