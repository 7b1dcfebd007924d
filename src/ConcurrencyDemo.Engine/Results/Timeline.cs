using ConcurrencyDemo.Timelines.Measuring;

namespace ConcurrencyDemo.Engine.Results;

/// <summary>What the recorded intervals of a run say about overlap.</summary>
public static class Timeline
{
    /// <summary>The most items running at one instant. An item ending exactly when another starts does not overlap it.</summary>
    public static int PeakConcurrency(IEnumerable<ItemResult> results) =>
        Overlap.Peak(results.Select(r => (r.StartSeconds, r.EndSeconds)));
}
