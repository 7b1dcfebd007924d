using ConcurrencyDemo.Imaging;
using ConcurrencyDemo.Imaging.Formats;
using ConcurrencyDemo.Imaging.Samples;

namespace ConcurrencyDemo.PhotoSite;

/// <summary>
/// The images a server serves, read or made once at start, so that every response sends the same bytes and a
/// test can compare a download with <see cref="DemoImageServer.GetImageBytes"/>.
/// </summary>
internal sealed class ImageCatalog
{
    /// <summary>The quality of generated photos: that of a camera's or a photo site's JPEGs.</summary>
    public const int GeneratedQuality = 90;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
    };

    private readonly Dictionary<string, ServedImage> _byName;

    private ImageCatalog(IReadOnlyList<ServedImage> images)
    {
        Images = images;
        _byName = images.ToDictionary(image => image.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<ServedImage> Images { get; }

    public ServedImage? Find(string name) => _byName.GetValueOrDefault(name);

    public static string Extensions => string.Join(", ", ContentTypes.Keys.Select(extension => extension.TrimStart('.')));

    /// <summary>The folder is a well-formed value this machine cannot serve from.</summary>
    private static InvalidServerOptionException FolderUnavailable(string message, Exception? inner = null) =>
        new(nameof(DemoImageServerOptions.FolderPath), message, inner) { IsUnavailable = true };

    /// <summary>Every image file directly in the folder, sorted by name (ordinally, the same on every platform).</summary>
    public static ImageCatalog FromFolder(string folderPath)
    {
        string folder = Path.GetFullPath(folderPath);
        if (File.Exists(folder))
            throw FolderUnavailable($"'{folder}' is a file, not a folder of images.");
        if (!Directory.Exists(folder))
            throw FolderUnavailable($"The folder '{folder}' does not exist.");

        string[] files;
        try
        {
            files = Directory.EnumerateFiles(folder)
                .Where(file => ContentTypes.ContainsKey(Path.GetExtension(file)))
                .OrderBy(file => Path.GetFileName(file), StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw FolderUnavailable($"Cannot list the folder '{folder}': {ex.Message}", ex);
        }
        if (files.Length == 0)
            throw FolderUnavailable($"The folder '{folder}' holds no images ({Extensions}).");

        var images = new List<ServedImage>(files.Length);
        foreach (string file in files)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw FolderUnavailable($"Cannot read '{file}': {ex.Message}", ex);
            }
            images.Add(new ServedImage(Path.GetFileName(file), bytes, ContentTypes[Path.GetExtension(file)]));
        }
        return new ImageCatalog(images);
    }

    /// <summary>photo-01.jpg … photo-NN.jpg, photo i made from seed i, encoded on every core at once.</summary>
    public static ImageCatalog Generated(int count, int width, int height)
    {
        int digits = Math.Max(2, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var images = new ServedImage[count];
        Parallel.For(0, count, i =>
        {
            int seed = i + 1;
            using var photo = SamplePhoto.Create(width, height, seed);
            using var jpeg = new MemoryStream();
            ImageCodec.Encode(photo, jpeg, ImageFormat.Jpeg, GeneratedQuality);
            images[i] = new ServedImage(GeneratedName(seed, digits), jpeg.ToArray(), "image/jpeg");
        });
        return new ImageCatalog(images);
    }

    private static string GeneratedName(int seed, int digits) =>
        "photo-" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0') + ".jpg";
}
