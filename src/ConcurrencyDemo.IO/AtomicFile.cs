namespace ConcurrencyDemo.IO;

/// <summary>
/// Writes a file so that it is either all there or not there: the bytes go to a hidden temporary file in
/// the same folder (so the rename cannot cross file systems), renamed into place only when complete.
/// A failure leaves neither a partial file nor the temporary one, and an existing file is only replaced
/// when asked.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> writeContents, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        if (!overwrite && File.Exists(fullPath))
            throw new FileExistsException(fullPath);
        string directory = Path.GetDirectoryName(fullPath) ?? ".";
        string temporaryPath = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
                writeContents(stream);
            // Move without overwrite also catches a file created since the check above.
            File.Move(temporaryPath, fullPath, overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(fullPath) && File.Exists(temporaryPath))
        {
            TryDelete(temporaryPath);
            throw new FileExistsException(fullPath);
        }
        catch
        {
            TryDelete(temporaryPath);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
