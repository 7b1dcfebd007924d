using System.Text.Json;
using ConcurrencyDemo.Timelines.Files;
using static ConcurrencyDemo.Timelines.Tests.Samples;

namespace ConcurrencyDemo.Timelines.Tests.Files;

public class TraceEventWriterTests
{
    private static JsonElement Write(params TimelineRun[] runs)
    {
        using var stream = new MemoryStream();
        TraceEventWriter.Write(stream, runs);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Events(JsonElement trace, string phase) =>
        trace.GetProperty("traceEvents").EnumerateArray().Where(e => e.GetProperty("ph").GetString() == phase);

    /// <summary>The lane a thread id stands for, from the thread_name metadata events.</summary>
    private static Dictionary<(int Pid, int Tid), string> ThreadNames(JsonElement trace) =>
        Events(trace, "M").Where(e => e.GetProperty("name").GetString() == "thread_name")
            .ToDictionary(e => (e.GetProperty("pid").GetInt32(), e.GetProperty("tid").GetInt32()), e => e.GetProperty("args").GetProperty("name").GetString()!);

    [Fact]
    public void Every_item_is_one_complete_event_in_its_lane_in_microseconds()
    {
        var run = PoolOfSixTakingTwoRounds();

        var trace = Write(run);

        var items = Events(trace, "X").Where(e => e.GetProperty("cat").GetString() == TraceEventWriter.ItemCategory).ToList();
        Assert.Equal(10, items.Count);
        var threads = ThreadNames(trace);
        foreach (var item in run.Items)
        {
            var found = items.Single(e => e.GetProperty("args").GetProperty("Index").GetInt32() == item.Index);
            Assert.Equal(item.Label, found.GetProperty("name").GetString());
            Assert.Equal(1, found.GetProperty("pid").GetInt32());
            Assert.Equal(item.Worker, threads[(1, found.GetProperty("tid").GetInt32())]);
            Assert.Equal(item.StartSeconds * 1e6, found.GetProperty("ts").GetDouble(), 3);
            Assert.Equal((item.EndSeconds - item.StartSeconds) * 1e6, found.GetProperty("dur").GetDouble(), 3);
        }
    }

    [Fact]
    public void Each_run_is_a_process_named_after_its_mode_and_sorted_in_input_order()
    {
        var trace = Write(Sequential(), PoolOfSixTakingTwoRounds());

        var names = Events(trace, "M").Where(e => e.GetProperty("name").GetString() == "process_name")
            .ToDictionary(e => e.GetProperty("pid").GetInt32(), e => e.GetProperty("args").GetProperty("name").GetString()!);
        Assert.StartsWith("Run 1: Sequential, throttle limit 1", names[1]);
        Assert.StartsWith("Run 2: Pool, throttle limit 6", names[2]);
        Assert.Equal(20, Events(trace, "X").Count(e => e.GetProperty("cat").GetString() == TraceEventWriter.ItemCategory));
        Assert.Equal(1, ThreadNames(trace).Count(t => t.Key.Pid == 1));
        Assert.Equal(6, ThreadNames(trace).Count(t => t.Key.Pid == 2));
    }

    [Fact]
    public void A_worker_process_s_start_up_comes_before_its_first_item_on_the_same_clock()
    {
        var trace = Write(TwoWorkerProcesses());

        var threads = ThreadNames(trace);
        var complete = Events(trace, "X").ToList();
        foreach (string worker in new[] { "Proc-1", "Proc-2" })
        {
            int tid = threads.Single(t => t.Value == worker).Key.Tid;
            var lane = complete.Where(e => e.GetProperty("tid").GetInt32() == tid).OrderBy(e => e.GetProperty("ts").GetDouble()).ToList();
            var startup = lane[0];
            Assert.Equal(TraceEventWriter.StartupCategory, startup.GetProperty("cat").GetString());
            Assert.Equal(10_000, startup.GetProperty("ts").GetDouble(), 3);
            double ready = startup.GetProperty("ts").GetDouble() + startup.GetProperty("dur").GetDouble();
            Assert.True(ready <= lane[1].GetProperty("ts").GetDouble(), $"{worker} was ready at {ready} µs, after its first item started");
            Assert.Equal(TraceEventWriter.ItemCategory, lane[1].GetProperty("cat").GetString());
        }
    }

    [Fact]
    public void An_item_s_fields_are_its_arguments_numbers_as_numbers()
    {
        var item = Item("Pool-1", 0, 0.5, 1.5) with
        {
            Fields = [new("Index", 0), new("SleepSeconds", 1.0), new("Success", true), new("FromCsv", "0.25"), new("Label", "a \"quoted\" <label>")],
        };

        var trace = Write(TimelineRun.Group([item]).Single());

        var args = Events(trace, "X").Single(e => e.GetProperty("cat").GetString() == TraceEventWriter.ItemCategory).GetProperty("args");
        Assert.Equal(JsonValueKind.Number, args.GetProperty("SleepSeconds").ValueKind);
        Assert.Equal(JsonValueKind.True, args.GetProperty("Success").ValueKind);
        Assert.Equal("0.25", args.GetProperty("FromCsv").GetString());
        Assert.Equal("a \"quoted\" <label>", args.GetProperty("Label").GetString());
    }

    [Fact]
    public void A_failed_item_is_in_the_failed_category()
    {
        var run = TimelineRun.Group([Item("Thread-1", 0, 0, 1, success: false)]).Single();

        var item = Events(Write(run), "X").Single();

        Assert.Equal(TraceEventWriter.FailedItemCategory, item.GetProperty("cat").GetString());
        Assert.False(item.GetProperty("args").GetProperty("Success").GetBoolean());
    }
}
