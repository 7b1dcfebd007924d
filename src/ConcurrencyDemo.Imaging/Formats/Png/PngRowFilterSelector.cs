using System.Numerics;

namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>
/// Chooses each scanline's filter the way libpng does by default: try all five and keep the one whose
/// output has the smallest sum of absolute values (bytes read as signed), which tends to deflate best.
/// </summary>
internal sealed class PngRowFilterSelector
{
    private readonly int _stride;
    private byte[] _best;
    private byte[] _candidate;

    public PngRowFilterSelector(int rowBytes, int stride)
    {
        _stride = stride;
        _best = new byte[rowBytes + 1];
        _candidate = new byte[rowBytes + 1];
    }

    /// <summary>Returns the filter byte followed by the filtered row; valid until the next call.</summary>
    public ReadOnlySpan<byte> Filter(ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous)
    {
        long bestScore = long.MaxValue;
        for (byte filter = 0; filter <= (byte)PngFilterType.Paeth; filter++)
        {
            Span<byte> target = _candidate.AsSpan(0, row.Length + 1);
            target[0] = filter;
            Apply((PngFilterType)filter, row, previous, target[1..]);
            long score = SumOfAbsoluteSignedBytes(target[1..]);
            if (score < bestScore)
            {
                bestScore = score;
                (_best, _candidate) = (_candidate, _best);
            }
        }
        return _best.AsSpan(0, row.Length + 1);
    }

    private void Apply(PngFilterType filter, ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, Span<byte> target)
    {
        int stride = _stride;
        switch (filter)
        {
            case PngFilterType.None:
                row.CopyTo(target);
                break;
            case PngFilterType.Sub:
                row[..stride].CopyTo(target);
                for (int i = stride; i < row.Length; i++)
                    target[i] = (byte)(row[i] - row[i - stride]);
                break;
            case PngFilterType.Up:
                for (int i = 0; i < row.Length; i++)
                    target[i] = (byte)(row[i] - previous[i]);
                break;
            case PngFilterType.Average:
                for (int i = 0; i < stride; i++)
                    target[i] = (byte)(row[i] - (previous[i] >> 1));
                for (int i = stride; i < row.Length; i++)
                    target[i] = (byte)(row[i] - ((row[i - stride] + previous[i]) >> 1));
                break;
            default:
                for (int i = 0; i < stride; i++)
                    target[i] = (byte)(row[i] - previous[i]);
                for (int i = stride; i < row.Length; i++)
                    target[i] = (byte)(row[i] - PngRowUnfilter.PaethPredictor(row[i - stride], previous[i], previous[i - stride]));
                break;
        }
    }

    private static long SumOfAbsoluteSignedBytes(ReadOnlySpan<byte> data)
    {
        long sum = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && data.Length >= Vector<sbyte>.Count)
        {
            var total = Vector<int>.Zero;
            for (; i + Vector<sbyte>.Count <= data.Length; i += Vector<sbyte>.Count)
            {
                var bytes = Vector.AsVectorSByte(new Vector<byte>(data[i..]));
                Vector.Widen(bytes, out Vector<short> low, out Vector<short> high);
                Vector<short> absolute = Vector.Abs(low) + Vector.Abs(high);
                Vector.Widen(absolute, out Vector<int> a, out Vector<int> b);
                total += a + b;
            }
            sum = Vector.Sum(total);
        }
        for (; i < data.Length; i++)
            sum += Math.Abs((int)(sbyte)data[i]);
        return sum;
    }
}
