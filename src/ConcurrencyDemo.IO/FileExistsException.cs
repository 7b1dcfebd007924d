namespace ConcurrencyDemo.IO;

/// <summary>
/// A file would have been replaced without being asked to: its own type, so that a caller can tell "the output
/// is in the way" from every other IOException without reading the message.
/// </summary>
public sealed class FileExistsException(string fullPath) : IOException($"'{fullPath}' already exists.")
{
    public string FullPath { get; } = fullPath;
}
