namespace ConcurrencyDemo.Timelines.Layout;

/// <summary>
/// A stretch of one lane's cells, from <see cref="First"/> to <see cref="Last"/> inclusive, with the text that
/// fits inside its frame (empty when nothing fits). <see cref="Order"/> counts the lane's items, so neighbours
/// can be told apart by alternating colours.
/// </summary>
public sealed record CellBlock(BlockKind Kind, int First, int Last, string Text, TimelineItem? Item, int Order)
{
    public int Width => Last - First + 1;
}
