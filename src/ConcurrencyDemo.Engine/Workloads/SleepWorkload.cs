using System.Globalization;
using System.Text.Json;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.WorkerProcesses;

namespace ConcurrencyDemo.Engine.Workloads;

/// <summary>
/// The tutorial's <c>do_something(seconds)</c>: each item sleeps. Pure waiting, so it shows how
/// modes overlap I/O-bound work. The synchronous sleep waits on the cancellation handle rather
/// than calling Thread.Sleep, so that Ctrl+C wakes it; it holds its thread all the same.
/// </summary>
public sealed class SleepWorkload : Workload
{
    public const string WorkloadName = "Sleep";

    private readonly double[] _seconds;

    public SleepWorkload(IEnumerable<double> seconds)
    {
        _seconds = seconds.ToArray();
        for (int i = 0; i < _seconds.Length; i++)
        {
            if (!double.IsFinite(_seconds[i]) || _seconds[i] < 0 || _seconds[i] > MaxSeconds)
                throw new ArgumentOutOfRangeException(nameof(seconds), _seconds[i],
                    $"Sleep time {Format(_seconds[i])} (item {i}) must be a number of seconds from 0 to {MaxSeconds}.");
        }
    }

    /// <summary>A day: beyond it a typo is likelier than a demo.</summary>
    public const double MaxSeconds = 86_400;

    /// <summary>The tutorial's two shapes: <paramref name="count"/> items of the same length, or one item per given length.</summary>
    public static SleepWorkload Create(int count, IReadOnlyList<double> seconds)
    {
        if (seconds.Count > 1) return new SleepWorkload(seconds);
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "The item count cannot be negative.");
        return new SleepWorkload(Enumerable.Repeat(seconds.Count == 1 ? seconds[0] : 1.0, count));
    }

    public override string Name => WorkloadName;

    public override int Count => _seconds.Length;

    public IReadOnlyList<double> Seconds => _seconds;

    public override string GetLabel(int index) => $"sleep {Format(_seconds[index])} s #{index + 1}";

    public override Type ResultType => typeof(SleepResult);

    public override ItemResult CreateResult(int index) => new SleepResult { SleepSeconds = _seconds[index] };

    public override void Execute(int index, ItemResult result, ItemContext context)
    {
        double seconds = Begin(index, result, context);
        if (context.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(seconds)))
            context.CancellationToken.ThrowIfCancellationRequested();
        End(seconds, context);
    }

    public override async Task ExecuteAsync(int index, ItemResult result, ItemContext context)
    {
        double seconds = Begin(index, result, context);
        await Task.Delay(TimeSpan.FromSeconds(seconds), context.CancellationToken).ConfigureAwait(false);
        End(seconds, context);
    }

    public override string SaveSettings() => JsonSerializer.Serialize(_seconds, WorkerProtocolJson.For<double[]>());

    public static SleepWorkload Restore(string settings) =>
        new(JsonSerializer.Deserialize(settings, WorkerProtocolJson.For<double[]>()) ?? []);

    private double Begin(int index, ItemResult result, ItemContext context)
    {
        double seconds = _seconds[index];
        context.Log($"Sleeping {Format(seconds)} second(s)...");
        return seconds;
    }

    private static void End(double seconds, ItemContext context) =>
        context.Log($"Done sleeping {Format(seconds)} second(s)");

    private static string Format(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
