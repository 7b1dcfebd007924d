using ConcurrencyDemo.Timelines.Measuring;

namespace ConcurrencyDemo.Timelines.Tests.Measuring;

public class OverlapTests
{
    [Fact]
    public void Peak_counts_overlapping_intervals_and_not_touching_ones()
    {
        Assert.Equal(0, Overlap.Peak([]));
        Assert.Equal(1, Overlap.Peak([(0, 1), (1, 2), (2, 3)]));
        Assert.Equal(3, Overlap.Peak([(0, 1), (0.5, 2), (0.9, 1.1), (1.5, 3)]));
    }

    [Fact]
    public void A_zero_length_interval_counts_for_nothing_and_a_reversed_one_as_zero_length()
    {
        Assert.Equal(1, Overlap.Peak([(0, 2), (1, 1)]));
        Assert.Equal(1, Overlap.Peak([(0, 2), (1.5, 1)]));
    }
}
