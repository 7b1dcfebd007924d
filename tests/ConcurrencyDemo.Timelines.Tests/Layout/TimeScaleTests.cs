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
}
