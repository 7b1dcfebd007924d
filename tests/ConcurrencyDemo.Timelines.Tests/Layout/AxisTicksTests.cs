using ConcurrencyDemo.Timelines.Layout;

namespace ConcurrencyDemo.Timelines.Tests.Layout;

public class AxisTicksTests
{
    [Theory]
    [InlineData(2.0, 8, 0.5)]
    [InlineData(10.0, 8, 2)]
    [InlineData(10.0, 10, 1)]
    [InlineData(1.0, 8, 0.2)]
    [InlineData(0.3, 3, 0.1)]
    [InlineData(55.0, 6, 10)]
    [InlineData(0.004, 4, 0.001)]
    public void The_step_is_the_smallest_round_one_within_the_number_of_marks(double span, int maxTicks, double expected)
    {
        Assert.Equal(expected, AxisTicks.Step(span, maxTicks), 12);
    }

    [Fact]
    public void Marks_run_from_zero_to_the_span_inclusive()
    {
        Assert.Equal([0, 0.5, 1, 1.5, 2], AxisTicks.Marks(2, 0.5));
        Assert.Equal([0, 0.5, 1, 1.5, 2], AxisTicks.Marks(2.2, 0.5));
        Assert.Equal(4, AxisTicks.Marks(0.3, 0.1).Count);
    }

    [Fact]
    public void Marks_are_labelled_with_the_digits_their_step_needs()
    {
        Assert.Equal("0", AxisTicks.Format(0, 0.5));
        Assert.Equal("1.5", AxisTicks.Format(1.5, 0.5));
        Assert.Equal("2", AxisTicks.Format(2.0000000001, 0.5));
        Assert.Equal("0.3", AxisTicks.Format(0.30000000000000004, 0.1));
        Assert.Equal("10", AxisTicks.Format(10, 2));
        Assert.Equal("0.025", AxisTicks.Format(0.025, 0.005));
    }
}
