namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Encoding;

/// <summary>
/// Halves a plane both ways by averaging 2x2 blocks, as libjpeg's h2v2_downsample does: the rounding
/// bias alternates 1, 2, 1, 2 along the row so that halves do not all round the same way.
/// </summary>
internal static class ChromaDownsampler
{
    public static void DownsampleRowPair(ReadOnlySpan<byte> upper, ReadOnlySpan<byte> lower, Span<byte> output)
    {
        int bias = 1;
        for (int x = 0; x < output.Length; x++)
        {
            int i = 2 * x;
            output[x] = (byte)((upper[i] + upper[i + 1] + lower[i] + lower[i + 1] + bias) >> 2);
            bias ^= 3;
        }
    }
}
