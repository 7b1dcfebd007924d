namespace ConcurrencyDemo.Timelines.Layout;

/// <summary>
/// Seconds from the start of a run onto a row of <see cref="Columns"/> character cells, from
/// <see cref="OriginSeconds"/> to <see cref="OriginSeconds"/> + <see cref="SpanSeconds"/>. Boundary b is the left
/// edge of cell b (boundary <see cref="Columns"/> the right edge of the last), so an interval covers the cells
/// from its start's boundary up to, not including, its end's: consecutive intervals never share a cell.
/// </summary>
public sealed record TimeScale
{
    public TimeScale(double spanSeconds, int columns, double originSeconds = 0)
    {
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "A chart needs at least one column.");
        // A run of zero-length items still gets an axis; a millisecond is the finest the tables show.
        SpanSeconds = double.IsFinite(spanSeconds) && spanSeconds > 0 ? spanSeconds : 0.001;
        Columns = columns;
        OriginSeconds = double.IsFinite(originSeconds) ? originSeconds : 0;
    }

    /// <summary>
    /// The scale of a row that shows from <paramref name="firstSeconds"/> to <paramref name="lastSeconds"/>: from the
    /// round time at or before the first (0 unless the run began late, when the front end was slow to start its
    /// items), so that the axis is labelled in round seconds and no columns go to time before anything happened.
    /// </summary>
    public static TimeScale Covering(double firstSeconds, double lastSeconds, int columns, int maxMarks)
    {
        double first = Math.Max(0, firstSeconds);
        double step = AxisTicks.Step(Math.Max(lastSeconds, first) - first, maxMarks);
        double origin = Math.Floor(first / step) * step;
        // A late start by less than the run's own length is no reason to leave 0.
        if (origin < lastSeconds - first) origin = 0;
        return new TimeScale(lastSeconds - origin, columns, origin);
    }

    public double SpanSeconds { get; }

    public int Columns { get; }

    /// <summary>The time at boundary 0, in seconds from the start of the run.</summary>
    public double OriginSeconds { get; }

    public double ColumnsPerSecond => Columns / SpanSeconds;

    /// <summary>The boundary nearest to <paramref name="seconds"/>, from 0 to <see cref="Columns"/>.</summary>
    public int Boundary(double seconds)
    {
        double position = (seconds - OriginSeconds) * ColumnsPerSecond;
        if (!double.IsFinite(position) || position <= 0) return 0;
        return (int)Math.Min(Columns, Math.Round(position, MidpointRounding.AwayFromZero));
    }
}
