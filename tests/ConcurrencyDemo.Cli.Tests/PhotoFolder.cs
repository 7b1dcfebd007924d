using ConcurrencyDemo.Imaging;
using ConcurrencyDemo.Imaging.Formats;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Cli.Tests;

/// <summary>
/// A temporary folder of small generated photos for the convert tests, with an output folder beside them
/// that does not exist until the CLI makes it. Deleted with everything in it when the test ends.
/// </summary>
internal sealed class PhotoFolder : IDisposable
{
    public PhotoFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "concurrency-demo-convert-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string OutputDirectory => Path.Combine(Root, "out");

    public string PathOf(string name) => Path.Combine(Root, name);

    public string OutputOf(string name) => Path.Combine(OutputDirectory, name);

    /// <summary>Every name in the output folder, hidden files (such as a leftover ".x.jpg.1234.tmp") included.</summary>
    public string[] OutputNames() =>
        Directory.Exists(OutputDirectory)
            ? Directory.GetFileSystemEntries(OutputDirectory).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray()
            : [];

    public string WriteJpeg(string name, int width, int height) => Write(name, width, height, ImageFormat.Jpeg);

    public string WritePng(string name, int width, int height) => Write(name, width, height, ImageFormat.Png);

    /// <summary>
    /// A JPEG cut off inside its header tables, which no decoder can get past. (A cut inside the
    /// compressed data is not enough: like libjpeg, our decoder fills the missing rows in.)
    /// </summary>
    public string WriteJpegCutInItsHeader(string name, int width, int height)
    {
        string path = WriteJpeg(name, width, height);
        byte[] whole = File.ReadAllBytes(path);
        File.WriteAllBytes(path, whole[..100]);
        return path;
    }

    /// <summary>Gradients and a product pattern, so that blur, scaling and JPEG all have something to change.</summary>
    public static ImageBuffer CreatePattern(int width, int height)
    {
        var image = new ImageBuffer(width, height, PixelFormat.Rgb24);
        for (int y = 0; y < height; y++)
        {
            var row = image.GetRow(y);
            for (int x = 0; x < width; x++)
            {
                row[3 * x] = (byte)(x * 255 / Math.Max(1, width - 1));
                row[3 * x + 1] = (byte)(y * 255 / Math.Max(1, height - 1));
                row[3 * x + 2] = (byte)(x * y % 256);
            }
        }
        return image;
    }

    private string Write(string name, int width, int height, ImageFormat format)
    {
        string path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var image = CreatePattern(width, height);
        ImageCodec.Save(image, path, format, quality: 90);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
