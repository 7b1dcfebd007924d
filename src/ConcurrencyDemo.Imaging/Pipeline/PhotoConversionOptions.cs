using ConcurrencyDemo.Imaging.Formats;

namespace ConcurrencyDemo.Imaging.Pipeline;

/// <summary>The tutorial's per-photo work: <c>GaussianBlur(15)</c>, <c>thumbnail((1200, 1200))</c>, save as JPEG at Pillow's default quality.</summary>
public sealed record PhotoConversionOptions
{
    public static PhotoConversionOptions Default { get; } = new();

    // Each setting is checked where it is set (also when a worker process reads the options back from JSON),
    // so an options object that exists can always be used, and nothing downstream checks again.
    private readonly float _blurRadius = 15;
    private readonly int _maxSize = 1200;
    private readonly ImageFormat _outputFormat = ImageFormat.Jpeg;
    private readonly int _quality = 75;

    /// <summary>
    /// Far beyond any photo (a blur this wide is one flat colour), yet small enough that the box radii derived
    /// from it stay well inside int range.
    /// </summary>
    public const float MaxBlurRadius = 10_000;

    /// <summary>Gaussian standard deviation in pixels, as Pillow's GaussianBlur radius; 0 skips the blur.</summary>
    public float BlurRadius
    {
        get => _blurRadius;
        init => _blurRadius = float.IsFinite(value) && value is >= 0 and <= MaxBlurRadius ? value
            : throw new InvalidOptionException(nameof(BlurRadius), value, $"The blur radius must be a number of pixels from 0 to {MaxBlurRadius}.");
    }

    /// <summary>The thumbnail box (both sides); 0 keeps the size.</summary>
    public int MaxSize
    {
        get => _maxSize;
        init => _maxSize = value >= 0 ? value
            : throw new InvalidOptionException(nameof(MaxSize), value, "The maximum size must be 0 (keep the size) or a number of pixels.");
    }

    public ImageFormat OutputFormat
    {
        get => _outputFormat;
        init => _outputFormat = value is ImageFormat.Jpeg or ImageFormat.Png ? value
            : throw new InvalidOptionException(nameof(OutputFormat), value, "The output format must be JPEG or PNG.");
    }

    /// <summary>JPEG quality 1-100 (ignored for PNG).</summary>
    public int Quality
    {
        get => _quality;
        init => _quality = value is >= 1 and <= 100 ? value
            : throw new InvalidOptionException(nameof(Quality), value, "JPEG quality must be from 1 to 100.");
    }

    /// <summary>Rotate/flip by the EXIF orientation before the blur. Off by default, like Pillow.</summary>
    public bool ApplyOrientation { get; init; }

    public DecodeOptions Decode { get; init; } = DecodeOptions.Default;

    /// <summary>The file extension written for <see cref="OutputFormat"/>.</summary>
    public string OutputExtension => OutputFormat == ImageFormat.Png ? ".png" : ".jpg";
}
