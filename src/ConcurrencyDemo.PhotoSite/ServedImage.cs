namespace ConcurrencyDemo.PhotoSite;

/// <summary>One image the site serves: its name in the URL, its exact bytes and their media type.</summary>
internal sealed record ServedImage(string Name, ReadOnlyMemory<byte> Bytes, string ContentType);
