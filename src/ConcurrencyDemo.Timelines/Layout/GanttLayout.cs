namespace ConcurrencyDemo.Timelines.Layout;

/// <summary>
/// Lays a run's lanes out on rows of character cells: each item a block from its start to its end (at least one
/// cell, so that no item vanishes), the lane's start-up a block before its first item, and the text that fits
/// inside each item's frame of <see cref="FrameWidth"/> characters. Where rounding would put two items of a lane
/// in one cell, the later one moves right; at the very end of the row the later one wins the cell.
/// </summary>
public static class GanttLayout
{
    /// <summary>The characters a block spends on its edges ('[' and ']'), which its text cannot use.</summary>
    public const int FrameWidth = 2;

    public static IReadOnlyList<GanttRow> Lay(TimelineRun run, TimeScale scale) =>
        run.Lanes.Select(lane => LayLane(lane, scale)).ToList();

    private static GanttRow LayLane(TimelineLane lane, TimeScale scale)
    {
        int lastCell = scale.Columns - 1;
        var items = new List<CellBlock>(lane.Items.Count);
        int taken = -1;
        for (int order = 0; order < lane.Items.Count; order++)
        {
            var item = lane.Items[order];
            int first = Math.Min(Math.Max(scale.Boundary(item.StartSeconds), taken + 1), lastCell);
            int last = Math.Max(first, scale.Boundary(item.EndSeconds) - 1);
            last = Math.Min(last, lastCell);
            if (first <= taken)
            {
                // The row is full up to its end: the later item takes over the last cells.
                while (items.Count > 0 && items[^1].First >= first) items.RemoveAt(items.Count - 1);
                if (items.Count > 0 && items[^1].Last >= first)
                    items[^1] = Shrink(items[^1], items[^1].First, first - 1);
            }
            var kind = item.Success ? BlockKind.Item : BlockKind.FailedItem;
            items.Add(Shrink(new CellBlock(kind, first, last, "", item, order), first, last));
            taken = last;
        }

        var blocks = new List<CellBlock>(items.Count + 1);
        int startupFirst = scale.Boundary(lane.StartupStartSeconds);
        int startupLast = Math.Min(scale.Boundary(lane.StartupReadySeconds) - 1, items[0].First - 1);
        if (startupLast >= startupFirst)
            blocks.Add(new CellBlock(BlockKind.Startup, startupFirst, startupLast, "", null, -1));
        blocks.AddRange(items);
        return new GanttRow(lane, blocks);
    }

    /// <summary>The block over other cells, with the text that fits them.</summary>
    private static CellBlock Shrink(CellBlock block, int first, int last) =>
        block with { First = first, Last = last, Text = BlockLabel.Choose(block.Item!, last - first + 1 - FrameWidth) };
}
