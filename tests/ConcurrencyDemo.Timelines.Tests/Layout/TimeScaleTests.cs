using ConcurrencyDemo.Timelines.Layout;

namespace ConcurrencyDemo.Timelines.Tests.Layout;

public class TimeScaleTests
{
    [Fact]
    public void Seconds_map_onto_boundaries_between_cells_by_rounding()
    {
        var scale = new TimeScale(2, 70);

        Assert.Equal(0, scale.Boundary(0));
        Assert.Equal(35, scale.Boundary(1));
        Assert.Equal(70, scale.Boundary(2));
        Assert.Equal(1, scale.Boundary(0.02));
        Assert.Equal(0, scale.Boundary(0.014));
    }

    [Fact]
    public void Times_outside_the_span_stay_on_the_row()
    {
        var scale = new TimeScale(2, 70);

        Assert.Equal(0, scale.Boundary(-1));
        Assert.Equal(70, scale.Boundary(5));
        Assert.Equal(0, scale.Boundary(double.NaN));
    }

    [Fact]
    public void A_run_that_took_no_time_still_has_a_scale()
    {
        var scale = new TimeScale(0, 10);

        Assert.True(scale.SpanSeconds > 0);
        Assert.Equal(0, scale.Boundary(0));
    }

    [Fact]
    public void A_row_needs_a_column()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeScale(1, 0));
    }

    [Fact]
    public void A_run_starts_its_row_at_zero()
    {
        var scale = TimeScale.Covering(0.02, 2.01, 70, 8);

        Assert.Equal(0, scale.OriginSeconds);
        Assert.Equal(2.01, scale.SpanSeconds, 9);
    }

    [Fact]
    public void A_run_whose_items_began_late_starts_its_row_at_a_round_time_before_them()
    {
        // The front end took 14.7 s to let the items start; they then ran for two seconds.
        var scale = TimeScale.Covering(14.7, 16.7, 70, 8);

        Assert.Equal(14.5, scale.OriginSeconds, 9);
        Assert.Equal(0, scale.Boundary(14.5));
        Assert.Equal(70, scale.Boundary(16.7));
        Assert.Equal(0, scale.Boundary(3));
    }

    [Fact]
    public void A_late_start_shorter_than_the_run_keeps_zero()
    {
        Assert.Equal(0, TimeScale.Covering(1, 5, 70, 8).OriginSeconds);
    }
}
