namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// Pillow's <c>precompute_coeffs</c> + <c>normalize_coeffs_8bpc</c> for the bicubic filter (a = -0.5)
/// along one axis: for each output pixel, the first input pixel it reads, how many it reads, and
/// their weights in fixed point with <see cref="PrecisionBits"/> fraction bits. The support widens
/// with the downscale factor (an area-averaging cubic), and weights are normalised in double before
/// rounding away from zero, exactly as Pillow does, so sums of products match Pillow's bit for bit.
/// </summary>
internal sealed class BicubicCoefficients
{
    /// <summary>32 bits less 8 for the value and 2 for the filter's negative lobes overshooting.</summary>
    public const int PrecisionBits = 32 - 8 - 2;

    /// <summary>Half of the last bit kept: every weighted sum starts from it, so the shift rounds to nearest.</summary>
    public const int Rounding = 1 << (PrecisionBits - 1);

    private const double Support = 2.0;

    private BicubicCoefficients(int taps, int[] first, int[] count, int[] weights)
    {
        Taps = taps;
        First = first;
        Count = count;
        Weights = weights;
    }

    /// <summary>Weights reserved per output pixel (the row length of <see cref="Weights"/>).</summary>
    public int Taps { get; }
    public int[] First { get; }
    public int[] Count { get; }
    public int[] Weights { get; }

    /// <param name="inSize">Input pixels along the axis.</param>
    /// <param name="in0">Start of the source region, in input pixels (float, as Pillow's box is).</param>
    /// <param name="in1">End of the source region.</param>
    /// <param name="outSize">Output pixels along the axis.</param>
    public static BicubicCoefficients Compute(int inSize, float in0, float in1, int outSize)
    {
        double scale = (double)(in1 - in0) / outSize;
        double filterScale = Math.Max(scale, 1.0);
        double support = Support * filterScale;
        int taps = (int)Math.Ceiling(support) * 2 + 1;
        var first = new int[outSize];
        var count = new int[outSize];
        var weights = new int[outSize * taps];
        var raw = new double[taps];
        double inverseFilterScale = 1.0 / filterScale;
        for (int xx = 0; xx < outSize; xx++)
        {
            double center = in0 + (xx + 0.5) * scale;
            int xmin = Math.Max((int)(center - support + 0.5), 0);
            int xmax = Math.Min((int)(center + support + 0.5), inSize) - xmin;
            double total = 0.0;
            for (int x = 0; x < xmax; x++)
            {
                double w = Filter((x + xmin - center + 0.5) * inverseFilterScale);
                raw[x] = w;
                total += w;
            }
            for (int x = 0; x < xmax; x++)
            {
                double k = total != 0.0 ? raw[x] / total : raw[x];
                weights[xx * taps + x] = k < 0
                    ? (int)(-0.5 + k * (1 << PrecisionBits))
                    : (int)(0.5 + k * (1 << PrecisionBits));
            }
            first[xx] = xmin;
            count[xx] = Math.Max(xmax, 0);
        }
        return new BicubicCoefficients(taps, first, count, weights);
    }

    /// <summary>Keys' cubic convolution kernel with a = -0.5, written in Pillow's operation order.</summary>
    private static double Filter(double x)
    {
        const double a = -0.5;
        if (x < 0.0) x = -x;
        if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
        return 0.0;
    }
}
