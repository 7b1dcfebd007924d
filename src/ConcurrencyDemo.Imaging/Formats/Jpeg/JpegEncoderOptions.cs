namespace ConcurrencyDemo.Imaging.Formats.Jpeg;

public enum JpegSubsampling
{
    /// <summary>Chroma halved both ways (4:2:0): the default of Pillow, cjpeg and most cameras.</summary>
    Yuv420,
    /// <summary>Full-resolution chroma (4:4:4).</summary>
    Yuv444,
}

public sealed record JpegEncoderOptions
{
    public static JpegEncoderOptions Default { get; } = new();

    /// <summary>IJG quality 1-100; 75 like Pillow and cjpeg.</summary>
    public int Quality { get; init; } = 75;

    public JpegSubsampling Subsampling { get; init; } = JpegSubsampling.Yuv420;
}
