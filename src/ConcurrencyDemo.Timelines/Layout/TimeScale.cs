namespace ConcurrencyDemo.Timelines.Layout;

/// <summary>
/// Seconds from the start of a run onto a row of <see cref="Columns"/> character cells. Boundary b is the left
/// edge of cell b (boundary <see cref="Columns"/> the right edge of the last), so an interval covers the cells
/// from its start's boundary up to, not including, its end's: consecutive intervals never share a cell.
/// </summary>
public sealed record TimeScale
{
    public TimeScale(double spanSeconds, int columns)
    {
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "A chart needs at least one column.");
        // A run of zero-length items still gets an axis; a millisecond is the finest the tables show.
        SpanSeconds = double.IsFinite(spanSeconds) && spanSeconds > 0 ? spanSeconds : 0.001;
        Columns = columns;
    }

    public double SpanSeconds { get; }

    public int Columns { get; }

    public double ColumnsPerSecond => Columns / SpanSeconds;

    /// <summary>The boundary nearest to <paramref name="seconds"/>, from 0 to <see cref="Columns"/>.</summary>
    public int Boundary(double seconds)
    {
        double position = seconds * ColumnsPerSecond;
        if (!double.IsFinite(position) || position <= 0) return 0;
        return (int)Math.Min(Columns, Math.Round(position, MidpointRounding.AwayFromZero));
    }
}
