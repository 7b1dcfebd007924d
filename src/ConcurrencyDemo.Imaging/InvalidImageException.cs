namespace ConcurrencyDemo.Imaging;

/// <summary>
/// The one exception the codecs throw for input they cannot decode: malformed, truncated, too large
/// or using a feature we do not support. The message names the problem; callers add the file name.
/// </summary>
public class InvalidImageException : Exception
{
    public InvalidImageException(string message) : base(message) { }

    public InvalidImageException(string message, Exception inner) : base(message, inner) { }
}
