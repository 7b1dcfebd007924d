using System.Text.RegularExpressions;
using ConcurrencyDemo.Timelines.Terminal;
using static ConcurrencyDemo.Timelines.Tests.Samples;

namespace ConcurrencyDemo.Timelines.Tests.Terminal;

public class TerminalChartTests
{
    private static readonly Regex EscapeSequence = new("\e\\[[0-9;]*m");

    private static string Visible(string line) => EscapeSequence.Replace(line, "");

    [Fact]
    public void A_pool_of_six_at_80_columns_is_six_lanes_of_which_four_show_two_rounds()
    {
        var lines = TerminalChart.Draw([PoolOfSixTakingTwoRounds()], 80, TerminalStyle.Plain);

        Assert.StartsWith("Pool, throttle limit 6, 2.009 s: 10 Sleep items", lines[0]);
        var lanes = lines.Where(l => l.StartsWith("Pool-", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, lanes.Count);
        Assert.Equal([2, 2, 2, 2, 1, 1], lanes.Select(l => l.Count(c => c == '[')));
        Assert.Contains("[sleep 1 s #1=", lanes[0]);
        Assert.Contains("][sleep 1 s #7=", lanes[0]);
        Assert.All(lines, l => Assert.True(l.Length <= 79, $"'{l}' is {l.Length} characters"));
    }

    [Fact]
    public void The_axis_marks_seconds_under_the_lanes()
    {
        var lines = TerminalChart.Draw([PoolOfSixTakingTwoRounds()], 80, TerminalStyle.Plain);

        int lastLane = lines.ToList().FindLastIndex(l => l.StartsWith("Pool-", StringComparison.Ordinal));
        string rule = lines[lastLane + 1];
        string labels = lines[lastLane + 2];
        Assert.Matches(@"^ {7}\+[-+]+$", rule);
        Assert.Equal(79, rule.Length);
        // Every label starts under a mark; 0 under the lanes' left edge.
        foreach (Match label in Regex.Matches(labels, @"\d+(\.\d+)?"))
            Assert.Equal('+', rule[label.Index]);
        Assert.Equal(lines[0 + 1].IndexOf('|'), labels.IndexOf('0'));
        Assert.Contains(" s", labels);
    }

    [Fact]
    public void Plain_text_is_ASCII_without_escape_sequences_and_marks_start_ups_and_failures_by_characters()
    {
        var failing = TimelineRun.Group([Item("Thread-1", 0, 0, 1, "t", "Thread"), Item("Thread-2", 1, 0, 1, "t", "Thread", success: false)]).Single();

        var lines = TerminalChart.Draw([TwoWorkerProcesses(), failing], 80, TerminalStyle.Plain);

        Assert.All(lines, l => Assert.All(l, c => Assert.True(c is >= ' ' and <= '~', $"'{l}' has a character outside printable ASCII")));
        Assert.Matches(@"^Proc-1\s+\|\s?~+\s*\[", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("Thread-2", StringComparison.Ordinal) && l.Contains("[sleep 1 s #2xxx", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Thread-1", StringComparison.Ordinal) && l.Contains("[sleep 1 s #1===", StringComparison.Ordinal));
        Assert.Contains("1 failed", lines.Single(l => l.StartsWith("Thread,", StringComparison.Ordinal)));
        Assert.Contains("~~~ a worker starting", lines[^1]);
    }

    [Fact]
    public void Colours_wrap_the_same_characters_and_take_no_columns()
    {
        var plain = TerminalChart.Draw([TwoWorkerProcesses()], 80, TerminalStyle.Plain);
        var coloured = TerminalChart.Draw([TwoWorkerProcesses()], 80, TerminalStyle.Ansi);

        Assert.Equal(plain.Count, coloured.Count);
        Assert.Contains(coloured, l => l.Contains('\e'));
        for (int i = 0; i < plain.Count; i++)
        {
            // Coloured blocks are filled with their colour instead of '='.
            Assert.Equal(plain[i].Replace('=', ' ').Replace('x', ' '), Visible(coloured[i]).Replace('x', ' '));
        }
    }

    [Fact]
    public void Every_run_has_its_own_scale_across_the_width()
    {
        var lines = TerminalChart.Draw([Sequential(), PoolOfSixTakingTwoRounds()], 60, TerminalStyle.Plain);

        var sequentialLane = lines.Single(l => l.StartsWith("Seq-1", StringComparison.Ordinal));
        var poolLane = lines.First(l => l.StartsWith("Pool-1", StringComparison.Ordinal));
        // Both end within a cell of the right edge, ten seconds or two.
        Assert.InRange(sequentialLane.Length, 58, 59);
        Assert.InRange(poolLane.Length, 58, 59);
        Assert.All(lines, l => Assert.True(l.Length <= 59));
    }

    [Fact]
    public void Items_that_began_late_fill_the_row_and_the_axis_says_when()
    {
        var late = TimelineRun.Group([Item("Pool-1", 0, 14.7, 15.7, workerStart: 14.69), Item("Pool-1", 1, 15.7, 16.7, workerStart: 14.69)]).Single();

        var lines = TerminalChart.Draw([late], 80, TerminalStyle.Plain);

        Assert.Matches(@"^Pool-1 \|\s{0,12}\[sleep 1 s #1=+\]\[sleep 1 s #2=+\]$", lines[1]);
        Assert.StartsWith("14.5", lines[3].TrimStart());
    }

    [Fact]
    public void Lane_names_are_cut_so_that_time_keeps_most_of_a_narrow_line()
    {
        var run = TimelineRun.Group([Item("a-very-long-worker-name-indeed", 0, 0, 1)]).Single();

        var lines = TerminalChart.Draw([run], 30, TerminalStyle.Plain);

        Assert.StartsWith("a-very-long-work |", lines[1]);
        Assert.All(lines, l => Assert.True(l.Length <= 29, $"'{l}' is {l.Length} characters"));
        // The legend, too wide for one line here, takes a line per part.
        Assert.Equal(3, lines.Count(l => l.StartsWith('[') || l.StartsWith('~')));
    }

    [Fact]
    public void Nothing_to_draw_is_no_lines_and_a_console_too_narrow_is_refused()
    {
        Assert.Empty(TerminalChart.Draw([], 80, TerminalStyle.Plain));
        Assert.Throws<ArgumentOutOfRangeException>(() => TerminalChart.Draw([Sequential()], TerminalChart.MinimumWidth - 1, TerminalStyle.Plain));
    }
}
