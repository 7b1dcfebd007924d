using System.Globalization;
using System.Text;
using ConcurrencyDemo.Timelines.Layout;

namespace ConcurrencyDemo.Timelines.Terminal;

/// <summary>
/// Draws runs as Gantt charts in text: per run a title line, one row per lane with the lane's name, time across
/// the rest of the width, then an axis in seconds; after the last run a legend. Each run has its own scale, from
/// the start of the run (see <see cref="TimeScale.Covering"/>) to its last end, so that a one-second run is as
/// legible as a ten-second one. Lines are at
/// most <c>width - 1</c> characters (escape sequences aside): the last column of a console is left free, as
/// PowerShell's own formatting does, so that a full line never wraps.
/// </summary>
public static class TerminalChart
{
    public const int MinimumWidth = 30;

    /// <summary>Lane names longer than this are cut: the time axis matters more.</summary>
    private const int MaxLaneNameWidth = 16;

    /// <summary>A tick label needs this many columns on average, so the axis asks for at most columns / this many steps.</summary>
    private const int ColumnsPerTick = 8;

    public static IReadOnlyList<string> Draw(IReadOnlyList<TimelineRun> runs, int width, TerminalStyle style)
    {
        if (width < MinimumWidth) throw new ArgumentOutOfRangeException(nameof(width), width, $"A chart needs a width of at least {MinimumWidth}.");
        var lines = new List<string>();
        if (runs.Count == 0) return lines;
        int lineWidth = width - 1;
        int nameWidth = Math.Clamp(runs.SelectMany(r => r.Lanes).Max(l => l.Name.Length), 4, MaxLaneNameWidth);
        int columns = lineWidth - nameWidth - 2;
        foreach (var run in runs)
        {
            var scale = TimeScale.Covering(run.StartSeconds, run.ChartEndSeconds, columns, Math.Max(1, columns / ColumnsPerTick));
            lines.Add(style.Paint(style.Title, Cut(RunTitle.Of(run), lineWidth)));
            foreach (var row in GanttLayout.Lay(run, scale))
                lines.Add(Row(row, nameWidth, columns, style));
            lines.AddRange(Axis(scale, nameWidth, lineWidth, style));
            lines.Add("");
        }
        lines.AddRange(Legend(style, lineWidth));
        return lines;
    }

    private static string Row(GanttRow row, int nameWidth, int columns, TerminalStyle style)
    {
        var line = new StringBuilder();
        line.Append(Cut(row.Lane.Name, nameWidth).PadRight(nameWidth)).Append(" |");
        int next = 0;
        foreach (var block in row.Blocks)
        {
            line.Append(' ', block.First - next);
            line.Append(Paint(block, style));
            next = block.Last + 1;
        }
        // No trailing spaces: they only get in the way of a diff or a copy.
        return line.ToString();
    }

    private static string Paint(CellBlock block, TerminalStyle style)
    {
        if (block.Kind == BlockKind.Startup)
            return style.Paint(style.Startup, new string(style.StartupGlyph, block.Width));
        bool failed = block.Kind == BlockKind.FailedItem;
        string text = block.Width switch
        {
            // Not '|', which is the lane's edge.
            1 => failed ? "x" : "#",
            2 => failed ? "xx" : "[]",
            _ => "[" + block.Text.PadRight(block.Width - GanttLayout.FrameWidth, failed ? style.FailedFill : style.ItemFill) + "]",
        };
        string sequence = failed ? style.FailedItem : block.Order % 2 == 0 ? style.Item : style.AlternateItem;
        return style.Paint(sequence, text);
    }

    /// <summary>A rule with a '+' at every mark, then the marks' values in seconds, each starting under its '+'.</summary>
    private static IEnumerable<string> Axis(TimeScale scale, int nameWidth, int lineWidth, TerminalStyle style)
    {
        double step = AxisTicks.Step(scale.SpanSeconds, Math.Max(1, scale.Columns / ColumnsPerTick));
        var marks = AxisTicks.Marks(scale.SpanSeconds, step).Select(m => scale.OriginSeconds + m);
        var rule = new StringBuilder(new string(' ', nameWidth + 1)).Append('-', scale.Columns + 1);
        var labels = new StringBuilder(new string(' ', nameWidth + 1));
        int origin = nameWidth + 1;
        var placed = new List<(int At, string Text)>();
        foreach (double mark in marks)
        {
            int at = origin + scale.Boundary(mark);
            rule[at] = '+';
            string text = AxisTicks.Format(mark, step);
            // One space between labels, and none past the line.
            if ((placed.Count == 0 || at > placed[^1].At + placed[^1].Text.Length) && at + text.Length <= lineWidth)
                placed.Add((at, text));
        }
        // The unit after the last value, or after the first where the last has no room for it.
        if (placed.Count > 0 && placed[^1].At + placed[^1].Text.Length + 2 <= lineWidth)
            placed[^1] = (placed[^1].At, placed[^1].Text + " s");
        else if (placed.Count > 1 && placed[0].At + placed[0].Text.Length + 2 < placed[1].At)
            placed[0] = (placed[0].At, placed[0].Text + " s");
        foreach (var (at, text) in placed)
            labels.Append(' ', at - labels.Length).Append(text);
        yield return style.Paint(style.Axis, rule.ToString());
        yield return style.Paint(style.Axis, labels.ToString());
    }

    /// <summary>One line when it fits, else a line per part.</summary>
    private static IEnumerable<string> Legend(TerminalStyle style, int lineWidth)
    {
        var parts = new (string Sample, string Sequence, string Words)[]
        {
            ("[label" + new string(style.ItemFill, 2) + "]", style.Item, " an item"),
            ("[" + new string(style.FailedFill, 4) + "]", style.FailedItem, " failed"),
            (new string(style.StartupGlyph, 3), style.Startup, " a worker starting"),
        };
        const string gap = "   ";
        int plainLength = parts.Sum(p => p.Sample.Length + p.Words.Length) + gap.Length * (parts.Length - 1);
        var painted = parts.Select(p => style.Paint(p.Sequence, p.Sample) + p.Words).ToList();
        return plainLength <= lineWidth ? [string.Join(gap, painted)] : painted;
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..width];
}
