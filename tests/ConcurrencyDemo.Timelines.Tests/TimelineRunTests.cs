using static ConcurrencyDemo.Timelines.Tests.Samples;

namespace ConcurrencyDemo.Timelines.Tests;

public class TimelineRunTests
{
    [Fact]
    public void Items_are_grouped_into_runs_by_RunId_in_the_order_the_runs_came()
    {
        var runs = TimelineRun.Group([Item("A-1", 0, 0, 1, "b"), Item("A-1", 0, 0, 1, "a"), Item("A-1", 1, 1, 2, "b")]);

        Assert.Equal(["b", "a"], runs.Select(r => r.RunId));
        Assert.Equal([0, 1], runs[0].Items.Select(i => i.Index));
    }

    [Fact]
    public void A_run_has_a_lane_per_worker_in_counting_order_with_its_items_in_start_order()
    {
        var run = TimelineRun.Group([Item("Pool-10", 0, 0, 1), Item("Pool-2", 2, 1, 2), Item("Pool-2", 1, 0, 1), Item("Pool-1", 3, 0, 1)]).Single();

        Assert.Equal(["Pool-1", "Pool-2", "Pool-10"], run.Lanes.Select(l => l.Name));
        Assert.Equal([1, 2], run.Lanes[1].Items.Select(i => i.Index));
    }

    [Fact]
    public void A_run_spans_from_the_first_worker_start_up_to_the_last_end()
    {
        var run = TwoWorkerProcesses();

        Assert.Equal(0.01, run.StartSeconds, 9);
        Assert.Equal(1.21, run.EndSeconds, 9);
        Assert.Equal(1.20, run.ElapsedSeconds, 9);
        Assert.Equal(0.15, run.Lanes[0].StartupSeconds, 9);
        Assert.Equal(0.16, run.Lanes[1].StartupSeconds, 9);
    }

    [Fact]
    public void A_lane_ready_before_it_was_asked_for_has_no_start_up()
    {
        var lane = TimelineRun.Group([Item("Odd-1", 0, 1, 2, workerStart: 0.5, workerReady: 0.2)]).Single().Lanes.Single();

        Assert.Equal(0, lane.StartupSeconds);
    }

    [Fact]
    public void Lane_names_compare_their_numbers_as_numbers()
    {
        string[] names = ["Thread-10", "Thread-9", "Task-1", "Thread-1", "Thread-100", "thread-2", "Proc"];

        Assert.Equal(["Proc", "Task-1", "Thread-1", "thread-2", "Thread-9", "Thread-10", "Thread-100"], names.Order(LaneNameComparer.Instance));
    }

    [Fact]
    public void A_field_reads_the_same_on_every_machine()
    {
        Assert.Equal("0.123457", new TimelineField("StartSeconds", 0.1234567).Text);
        Assert.Equal("1500", new TimelineField("Bytes", 1500L).Text);
        Assert.Equal("True", new TimelineField("Success", true).Text);
        Assert.Equal("", new TimelineField("Error", null).Text);
        Assert.Equal("1,5", new TimelineField("FromCsv", "1,5").Text);
    }

    [Fact]
    public void An_item_without_fields_of_its_own_describes_itself_by_the_common_ones()
    {
        var described = Item("Pool-1", 3, 0.5, 1.5).DescribedFields();

        Assert.Equal(TimelineItem.CommonFieldNames, described.Select(f => f.Name));
        Assert.Equal("0.5", described.Single(f => f.Name == "StartSeconds").Text);
    }
}
