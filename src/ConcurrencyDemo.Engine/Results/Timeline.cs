namespace ConcurrencyDemo.Engine.Results;

/// <summary>What the recorded intervals of a run say about overlap.</summary>
public static class Timeline
{
    /// <summary>The most items running at one instant. An item ending exactly when another starts does not overlap it.</summary>
    public static int PeakConcurrency(IEnumerable<ItemResult> results)
    {
        var edges = new List<(double Time, int Delta)>();
        foreach (var r in results)
        {
            edges.Add((r.StartSeconds, +1));
            edges.Add((r.EndSeconds, -1));
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
