namespace ConcurrencyDemo.Imaging;

/// <summary>A well-formed file that uses a feature we deliberately do not implement (arithmetic coding, 12-bit JPEG ...).</summary>
public sealed class UnsupportedImageException : InvalidImageException
{
    public UnsupportedImageException(string feature) : base($"not supported: {feature}")
    {
        Feature = feature;
    }

    public string Feature { get; }
}
