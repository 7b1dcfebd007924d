using ConcurrencyDemo.Timelines.Layout;
using static ConcurrencyDemo.Timelines.Tests.Samples;

namespace ConcurrencyDemo.Timelines.Tests.Layout;

public class GanttLayoutTests
{
    private static IReadOnlyList<GanttRow> Lay(double span, int columns, params TimelineItem[] items) =>
        GanttLayout.Lay(TimelineRun.Group(items).Single(), new TimeScale(span, columns));

    [Fact]
    public void A_pool_of_six_on_ten_items_is_six_rows_of_which_four_have_a_second_round()
    {
        var rows = GanttLayout.Lay(PoolOfSixTakingTwoRounds(), new TimeScale(2.01, 70));

        Assert.Equal(6, rows.Count);
        Assert.Equal([2, 2, 2, 2, 1, 1], rows.Select(r => r.Blocks.Count(b => b.Kind == BlockKind.Item)));
        var first = rows[0].Blocks;
        // 1.01 s to 2.01 s of 2.01 s on 70 columns: from boundary 35 to the end.
        Assert.Equal((0, 34), (first[0].First, first[0].Last));
        Assert.Equal((35, 69), (first[1].First, first[1].Last));
    }

    [Fact]
    public void Blocks_of_a_lane_never_share_a_cell()
    {
        var rows = Lay(1, 10, Item("Seq-1", 0, 0, 0.31), Item("Seq-1", 1, 0.31, 0.32), Item("Seq-1", 2, 0.32, 0.33), Item("Seq-1", 3, 0.33, 1));

        var blocks = rows.Single().Blocks;
        Assert.Equal([(0, 2), (3, 3), (4, 4), (5, 9)], blocks.Select(b => (b.First, b.Last)));
    }

    [Fact]
    public void A_zero_length_item_still_takes_one_cell()
    {
        var block = Lay(1, 10, Item("Task-1", 0, 0.5, 0.5)).Single().Blocks.Single();

        Assert.Equal((5, 5), (block.First, block.Last));
        Assert.Equal(1, block.Width);
    }

    [Fact]
    public void Where_the_row_is_full_the_later_item_takes_the_last_cell()
    {
        var blocks = Lay(1, 10, Item("Seq-1", 0, 0, 1), Item("Seq-1", 1, 1, 1)).Single().Blocks;

        Assert.Equal([(0, 8), (9, 9)], blocks.Select(b => (b.First, b.Last)));
        Assert.Equal([0, 1], blocks.Select(b => b.Item!.Index));
    }

    [Fact]
    public void A_failed_item_is_a_block_of_its_own_kind()
    {
        var blocks = Lay(2, 20, Item("Thread-1", 0, 0, 1), Item("Thread-1", 1, 1, 2, success: false)).Single().Blocks;

        Assert.Equal([BlockKind.Item, BlockKind.FailedItem], blocks.Select(b => b.Kind));
        Assert.Equal([0, 1], blocks.Select(b => b.Order));
    }

    [Fact]
    public void A_worker_process_start_up_is_a_block_before_its_first_item()
    {
        var rows = GanttLayout.Lay(TwoWorkerProcesses(), new TimeScale(1.21, 121));

        var startup = rows[0].Blocks[0];
        Assert.Equal(BlockKind.Startup, startup.Kind);
        Assert.Equal((1, 15), (startup.First, startup.Last));
        Assert.Equal(17, rows[0].Blocks[1].First);
        Assert.Null(startup.Item);
    }

    [Fact]
    public void A_start_up_shorter_than_half_a_cell_is_not_drawn()
    {
        var row = Lay(1, 10, Item("Thread-1", 0, 0.01, 1, workerStart: 0, workerReady: 0.01)).Single();

        Assert.DoesNotContain(row.Blocks, b => b.Kind == BlockKind.Startup);
    }

    [Fact]
    public void A_start_up_never_covers_its_lane_s_first_item()
    {
        // Ready after the item started, which rounding can also make look so.
        var row = Lay(1, 10, Item("Proc-1", 0, 0.3, 1, workerStart: 0, workerReady: 0.5)).Single();

        Assert.Equal([(0, 2), (3, 9)], row.Blocks.Select(b => (b.First, b.Last)));
    }

    [Theory]
    [InlineData(0.6, "sleep 1 s #1")]   // 30 cells: the label
    [InlineData(0.2, "0")]              // 10 cells: the label does not fit, its index does
    [InlineData(0.06, "0")]             // 3 cells: one character inside the frame
    [InlineData(0.04, "")]              // 2 cells: nothing fits inside [ and ]
    public void An_item_says_its_label_where_it_fits_else_its_index_else_nothing(double seconds, string expected)
    {
        var block = Lay(1, 50, Item("Pool-1", 0, 0, seconds)).Single().Blocks.Single();

        Assert.Equal(expected, block.Text);
    }

    [Fact]
    public void An_index_too_wide_for_its_block_is_left_out()
    {
        var block = Lay(1, 50, Item("Pool-1", 1234, 0, 0.08)).Single().Blocks.Single();

        Assert.Equal(4, block.Width);
        Assert.Equal("", block.Text);
    }
}
