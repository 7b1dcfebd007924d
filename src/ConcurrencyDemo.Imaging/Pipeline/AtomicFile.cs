namespace ConcurrencyDemo.Imaging.Pipeline;

/// <summary>
/// Writes a file so that it is either all there or not there: the bytes go to a temporary file in the
/// same folder (so the rename cannot cross file systems), which is renamed into place only when complete.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> contents, bool overwrite)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? throw new IOException($"'{path}' has no folder.");
        if (!overwrite && File.Exists(fullPath))
            throw new IOException($"'{fullPath}' already exists (use --force / -Force to replace it).");
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(contents);
                stream.Flush(flushToDisk: false);
            }
            File.Move(temporary, fullPath, overwrite);
        }
        catch
        {
            TryDelete(temporary);
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
