namespace ConcurrencyDemo.Imaging.Formats;

public enum ImageFormat
{
    Unknown = 0,
    Jpeg,
    Png,
}
