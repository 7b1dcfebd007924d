namespace ConcurrencyDemo.Timelines.Layout;

/// <summary>One lane laid out on a row of cells: its blocks left to right, none sharing a cell.</summary>
public sealed record GanttRow(TimelineLane Lane, IReadOnlyList<CellBlock> Blocks);
