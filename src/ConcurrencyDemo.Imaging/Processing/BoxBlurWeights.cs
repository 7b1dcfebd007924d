namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// One extended box filter (Gwosdek et al. 2011) in Pillow's 8.24 fixed point: <see cref="Radius"/>
/// whole taps either side weigh <see cref="Whole"/> each, and the two taps just beyond weigh
/// <see cref="Edge"/> each, so a fractional box radius is honoured without floating point per pixel.
/// </summary>
internal readonly struct BoxBlurWeights
{
    /// <summary>Pillow's GaussianBlur always runs three box passes per direction.</summary>
    public const int PassesPerDirection = 3;

    /// <summary>Fixed-point unit: the weights of one box sum to (almost) this.</summary>
    public const int FractionBits = 24;

    /// <summary>Half of the last bit kept: added before the shift, so that the shift rounds to nearest.</summary>
    public const uint Half = 1u << (FractionBits - 1);

    private BoxBlurWeights(int radius, uint whole, uint edge)
    {
        Radius = radius;
        Whole = whole;
        Edge = edge;
    }

    /// <summary>Whole taps either side of the centre.</summary>
    public int Radius { get; }

    /// <summary>Weight of each of the 2 * Radius + 1 whole taps.</summary>
    public uint Whole { get; }

    /// <summary>Weight of each of the two fractional taps at distance Radius + 1.</summary>
    public uint Edge { get; }

    /// <summary>
    /// One output byte of a pass: the window's running sum at the whole weight, plus the two taps just beyond it
    /// (<paramref name="sub"/> left, <paramref name="right"/> right) at the edge weight, rounded; wrapping as Pillow's does.
    /// </summary>
    public byte Output(uint sum, uint sub, uint right) => (byte)(unchecked(sum * Whole + (sub + right) * Edge + Half) >> FractionBits);

    /// <summary>The box for a Gaussian of standard deviation <paramref name="sigma"/> split over three passes.</summary>
    public static BoxBlurWeights ForGaussian(float sigma) => ForBoxRadius(GaussianBoxRadius(sigma));

    /// <summary>
    /// Pillow's <c>_gaussian_blur_radius</c>, kept in the same mixture of float and double so the
    /// fixed-point weights, and hence every output byte, come out identical.
    /// </summary>
    public static float GaussianBoxRadius(float sigma)
    {
        float sigma2 = sigma * sigma / PassesPerDirection;
        float boxLength = (float)Math.Sqrt(12.0 * sigma2 + 1.0);
        float whole = (float)Math.Floor((boxLength - 1.0) / 2.0);
        float fraction = (2 * whole + 1) * (whole * (whole + 1) - 3 * sigma2);
        fraction /= 6 * (sigma2 - (whole + 1) * (whole + 1));
        return whole + fraction;
    }

    public static BoxBlurWeights ForBoxRadius(float boxRadius)
    {
        int radius = (int)boxRadius;
        // Pillow divides in float and truncates; its unsigned arithmetic wraps, and so does ours.
        uint whole = (uint)((float)(1 << FractionBits) / (boxRadius * 2 + 1));
        uint edge = unchecked(((1u << FractionBits) - (uint)(radius * 2 + 1) * whole) / 2);
        return new BoxBlurWeights(radius, whole, edge);
    }
}
