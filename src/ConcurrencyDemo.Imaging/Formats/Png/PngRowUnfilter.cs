namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>Reverses the five PNG filters on one scanline, in place.</summary>
internal static class PngRowUnfilter
{
    /// <param name="row">The filtered scanline without its filter byte; becomes the raw scanline.</param>
    /// <param name="previous">The previous raw scanline of the same pass, all zeros for its first row.</param>
    /// <param name="stride">Bytes per complete pixel, at least 1.</param>
    public static void Apply(byte filter, Span<byte> row, ReadOnlySpan<byte> previous, int stride)
    {
        switch ((PngFilterType)filter)
        {
            case PngFilterType.None:
                break;
            case PngFilterType.Sub:
                for (int i = stride; i < row.Length; i++)
                    row[i] += row[i - stride];
                break;
            case PngFilterType.Up:
                AddUp(row, previous);
                break;
            case PngFilterType.Average:
                for (int i = 0; i < stride; i++)
                    row[i] += (byte)(previous[i] >> 1);
                for (int i = stride; i < row.Length; i++)
                    row[i] += (byte)((row[i - stride] + previous[i]) >> 1);
                break;
            case PngFilterType.Paeth:
                for (int i = 0; i < stride; i++)
                    row[i] += previous[i];
                for (int i = stride; i < row.Length; i++)
                    row[i] += PaethPredictor(row[i - stride], previous[i], previous[i - stride]);
                break;
            default:
                throw new InvalidImageException($"scanline has unknown filter type {filter}");
        }
    }

    private static void AddUp(Span<byte> row, ReadOnlySpan<byte> previous)
    {
        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            int width = System.Numerics.Vector<byte>.Count;
            for (; i + width <= row.Length; i += width)
            {
                var sum = new System.Numerics.Vector<byte>(row[i..]) + new System.Numerics.Vector<byte>(previous[i..]);
                sum.CopyTo(row[i..]);
            }
        }
        for (; i < row.Length; i++)
            row[i] += previous[i];
    }

    public static byte PaethPredictor(byte left, byte above, byte upperLeft)
    {
        int p = left + above - upperLeft;
        int pa = Math.Abs(p - left);
        int pb = Math.Abs(p - above);
        int pc = Math.Abs(p - upperLeft);
        if (pa <= pb && pa <= pc) return left;
        return pb <= pc ? above : upperLeft;
    }
}
