namespace ConcurrencyDemo.IO;

/// <summary>
/// Writes a file so that it is either all there or not there: the bytes go to a hidden temporary file in
/// the same folder (so the rename cannot cross file systems), renamed into place only when complete.
/// A failure leaves neither a partial file nor the temporary one, and an existing file is only replaced
/// when asked. <see cref="AtomicFileWriter"/> is the same as a stream, for writers that cannot say it in one call.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> writeContents, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        if (!overwrite && File.Exists(fullPath))
            throw new FileExistsException(fullPath);
        using var writer = AtomicFileWriter.Create(AtomicFileWriter.TemporaryPathFor(fullPath, Guid.NewGuid().ToString("N")));
        writeContents(writer.Stream);
        writer.Commit(fullPath, overwrite);
    }
}
