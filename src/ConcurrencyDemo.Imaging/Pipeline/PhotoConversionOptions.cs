using ConcurrencyDemo.Imaging.Formats;

namespace ConcurrencyDemo.Imaging.Pipeline;

/// <summary>The tutorial's per-photo work: <c>GaussianBlur(15)</c>, <c>thumbnail((1200, 1200))</c>, save as JPEG at Pillow's default quality.</summary>
public sealed record PhotoConversionOptions
{
    public static PhotoConversionOptions Default { get; } = new();

    /// <summary>Gaussian standard deviation in pixels, as Pillow's GaussianBlur radius; 0 skips the blur.</summary>
    public float BlurRadius { get; init; } = 15;

    /// <summary>The thumbnail box (both sides); 0 keeps the size.</summary>
    public int MaxSize { get; init; } = 1200;

    public ImageFormat OutputFormat { get; init; } = ImageFormat.Jpeg;

    /// <summary>JPEG quality 1-100 (ignored for PNG).</summary>
    public int Quality { get; init; } = 75;

    /// <summary>Rotate/flip by the EXIF orientation before the blur. Off by default, like Pillow.</summary>
    public bool ApplyOrientation { get; init; }

    public DecodeOptions Decode { get; init; } = DecodeOptions.Default;

    /// <summary>Throws an ArgumentException naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (!float.IsFinite(BlurRadius) || BlurRadius < 0)
            throw new ArgumentOutOfRangeException(nameof(BlurRadius), BlurRadius, "The blur radius must be a number of pixels, 0 or more.");
        if (MaxSize < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxSize), MaxSize, "The maximum size must be 0 (keep the size) or a number of pixels.");
        if (Quality is < 1 or > 100)
            throw new ArgumentOutOfRangeException(nameof(Quality), Quality, "JPEG quality must be from 1 to 100.");
        if (OutputFormat is not (ImageFormat.Jpeg or ImageFormat.Png))
            throw new ArgumentOutOfRangeException(nameof(OutputFormat), OutputFormat, "The output format must be JPEG or PNG.");
    }

    /// <summary>The file extension written for <see cref="OutputFormat"/>.</summary>
    public string OutputExtension => OutputFormat == ImageFormat.Png ? ".png" : ".jpg";
}
