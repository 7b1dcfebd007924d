using System.Buffers.Binary;
using System.Text;
using ConcurrencyDemo.Imaging;
using ConcurrencyDemo.Imaging.Formats;

namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>An image format told by its first bytes, and the extension a file of it gets.</summary>
public sealed record ImageType(string Name, string Extension);

/// <summary>
/// What counts as an image is decided by the bytes, never by the URL or the Content-Type a server claims:
/// a login page served as image/jpeg, or an error page behind a .jpg URL, is still HTML. Only signatures
/// that no text page can start with are taken.
/// </summary>
public static class ImageSignature
{
    /// <summary>Enough of the body to tell every format below, the ISO-BMFF brands of AVIF and HEIC included.</summary>
    public const int BytesNeeded = 64;

    public static readonly ImageType Jpeg = new("JPEG", ".jpg");
    public static readonly ImageType Png = new("PNG", ".png");
    public static readonly ImageType Gif = new("GIF", ".gif");
    public static readonly ImageType WebP = new("WebP", ".webp");
    public static readonly ImageType Bmp = new("BMP", ".bmp");
    public static readonly ImageType Tiff = new("TIFF", ".tif");
    public static readonly ImageType Avif = new("AVIF", ".avif");
    public static readonly ImageType Heic = new("HEIC", ".heic");

    /// <summary>
    /// Extensions a URL's file name may already end in for it to keep its name as it is (any case); other
    /// names get the extension of what was downloaded. More than the formats above: .jpeg is as good as .jpg.
    /// </summary>
    public static IReadOnlyList<string> KnownExtensions { get; } =
        [".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".avif", ".heic", ".heif"];

    /// <summary>The format <paramref name="head"/> (the body's first bytes, up to <see cref="BytesNeeded"/>) starts with; null for anything else.</summary>
    public static ImageType? Detect(ReadOnlySpan<byte> head)
    {
        // The two formats our own codecs read are told as the codecs tell them.
        switch (ImageCodec.DetectFormat(head))
        {
            case ImageFormat.Jpeg: return Jpeg;
            case ImageFormat.Png: return Png;
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return WebP;
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return Tiff;
        if (IsBmp(head)) return Bmp;
        return IsoMediaImage(head);
    }

    /// <summary>"BM" alone is two letters a text could start with: the DIB header's size must be one of the known ones too.</summary>
    private static bool IsBmp(ReadOnlySpan<byte> head)
    {
        if (head.Length < 18 || !head.StartsWith("BM"u8)) return false;
        uint dibHeaderSize = BinaryPrimitives.ReadUInt32LittleEndian(head[14..18]);
        return dibHeaderSize is 12 or 40 or 52 or 56 or 64 or 108 or 124;
    }

    /// <summary>An ISO-BMFF "ftyp" box first, whose major or compatible brands say AVIF or HEIC/HEIF.</summary>
    private static ImageType? IsoMediaImage(ReadOnlySpan<byte> head)
    {
        if (head.Length < 16 || !head[4..8].SequenceEqual("ftyp"u8)) return null;
        int boxSize = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(head[..4]), (uint)head.Length);
        if (boxSize < 16) return null;
        // Major brand at 8, minor version at 12, compatible brands from 16, four bytes each.
        var brands = new List<string> { Encoding.ASCII.GetString(head[8..12]) };
        for (int offset = 16; offset + 4 <= boxSize; offset += 4)
            brands.Add(Encoding.ASCII.GetString(head[offset..(offset + 4)]));
        if (brands.Any(b => b is "avif" or "avis")) return Avif;
        if (brands.Any(b => b is "heic" or "heix" or "heim" or "heis" or "hevc" or "hevx" or "mif1" or "msf1")) return Heic;
        return null;
    }
}
