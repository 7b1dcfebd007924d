namespace ConcurrencyDemo.Imaging.Pipeline;

/// <summary>What converting one photo did, and where its time went, stage by stage, in seconds.</summary>
public sealed record PhotoConversionResult
{
    public int SourceWidth { get; init; }
    public int SourceHeight { get; init; }
    public int OutputWidth { get; init; }
    public int OutputHeight { get; init; }
    public long InputBytes { get; init; }
    public long OutputBytes { get; init; }
    public double ReadSeconds { get; init; }
    public double DecodeSeconds { get; init; }
    public double BlurSeconds { get; init; }
    public double ThumbnailSeconds { get; init; }
    public double EncodeSeconds { get; init; }
    public double WriteSeconds { get; init; }
}
