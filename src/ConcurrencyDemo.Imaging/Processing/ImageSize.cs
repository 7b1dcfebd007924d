namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>Width and height of an image in pixels.</summary>
public readonly record struct ImageSize(int Width, int Height)
{
    public override string ToString() => $"{Width}x{Height}";
}
