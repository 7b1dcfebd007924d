using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Engine.Workloads.Convert;

/// <summary>One photo converted (blurred, thumbnailed, re-encoded), with the time of each stage.</summary>
public sealed class ConvertResult : ItemResult
{
    public string InputPath { get; set; } = "";
    public string OutputPath { get; set; } = "";
    public int SourceWidth { get; set; }
    public int SourceHeight { get; set; }
    public int OutputWidth { get; set; }
    public int OutputHeight { get; set; }

    /// <summary>Source pixels in millions: what the CPU-bound work scales with.</summary>
    public double Megapixels { get; set; }

    public long InputBytes { get; set; }
    public long OutputBytes { get; set; }
    public double ReadSeconds { get; set; }
    public double DecodeSeconds { get; set; }
    public double BlurSeconds { get; set; }
    public double ThumbnailSeconds { get; set; }
    public double EncodeSeconds { get; set; }
    public double WriteSeconds { get; set; }
}
