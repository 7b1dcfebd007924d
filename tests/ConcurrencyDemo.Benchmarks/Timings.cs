namespace ConcurrencyDemo.Benchmarks;

/// <summary>Summary of repeated measurements in milliseconds; the median is the figure compared.</summary>
public sealed record Timings(double Median, double Min, double Max)
{
    public static Timings Of(IReadOnlyList<double> milliseconds)
    {
        if (milliseconds.Count == 0) throw new ArgumentException("no measurements");
        double[] sorted = milliseconds.Order().ToArray();
        int middle = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Timings(median, sorted[0], sorted[^1]);
    }
}
