namespace ConcurrencyDemo.Timelines.Measuring;

/// <summary>What a set of recorded intervals says about how many ran at once.</summary>
public static class Overlap
{
    /// <summary>The most intervals open at one instant. One ending exactly when another starts does not overlap it.</summary>
    public static int Peak(IEnumerable<(double Start, double End)> intervals)
    {
        var edges = new List<(double Time, int Delta)>();
        foreach (var (start, end) in intervals)
        {
            edges.Add((start, +1));
            edges.Add((Math.Max(start, end), -1));
        }
        // Ends sort before starts at the same instant.
        edges.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Delta.CompareTo(b.Delta));
        int running = 0, peak = 0;
        foreach (var (_, delta) in edges)
        {
            running += delta;
            peak = Math.Max(peak, running);
        }
        return peak;
    }
}
