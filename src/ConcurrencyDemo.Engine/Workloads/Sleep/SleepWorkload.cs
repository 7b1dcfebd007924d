using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Engine.Workloads.Sleep;

/// <summary>
/// The tutorial's <c>do_something(seconds)</c>: each item sleeps. Pure waiting, so it shows how
/// modes overlap I/O-bound work. The synchronous sleep waits on the cancellation handle rather
/// than calling Thread.Sleep, so that Ctrl+C wakes it; it holds its thread all the same. With
/// several steps an item sleeps in equal parts and says so at each, like the tutorial's two threads
/// printing "Number : 0", "Letter : A" in turn, so that their interleaving shows in the item log.
/// </summary>
public sealed class SleepWorkload : Workload
{
    public const string WorkloadName = "Sleep";

    private readonly double[] _seconds;

    /// <summary>The setting names of <see cref="InvalidSettingException"/>s: how many items, how long each sleeps, in how many steps.</summary>
    public const string CountSetting = "Count";
    public const string SecondsSetting = "Seconds";
    public const string StepsSetting = "Steps";

    /// <summary>A day: beyond it a typo is likelier than a demo.</summary>
    public const double MaxSeconds = 86_400;

    /// <summary>Every step writes a line: beyond this many per item the log is a flood, not a lesson.</summary>
    public const int MaxSteps = 1000;

    /// <summary>The seconds of each item, one item per value; each sleeps in <paramref name="steps"/> equal steps.</summary>
    public SleepWorkload(IEnumerable<double> seconds, int steps = 1)
    {
        _seconds = seconds.ToArray();
        for (int i = 0; i < _seconds.Length; i++)
        {
            if (!double.IsFinite(_seconds[i]) || _seconds[i] < 0 || _seconds[i] > MaxSeconds)
                throw new InvalidSettingException(SecondsSetting,
                    $"Sleep time {Format(_seconds[i])} (item {i}) must be a number of seconds from 0 to {MaxSeconds}.");
        }
        if (steps is < 1 or > MaxSteps)
            throw new InvalidSettingException(StepsSetting, $"the number of steps {steps} must be from 1 to {MaxSteps}.");
        Steps = steps;
    }

    /// <summary>
    /// The tutorial's two shapes and the one rule between them, for every front end: several values (or
    /// <paramref name="valuesAreItems"/>, e.g. values that came one by one from a pipeline) are one item
    /// each, and a count is then refused; a single value is the length of each of <paramref name="count"/>
    /// items (10 when not given); no value at all means one second.
    /// </summary>
    public static SleepWorkload FromInput(int? count, IReadOnlyList<double> seconds, bool valuesAreItems = false, int steps = 1)
    {
        if (valuesAreItems || seconds.Count > 1)
        {
            if (count is not null)
                throw new InvalidSettingException(CountSetting,
                    "a count applies only to a single seconds value; with several values each value is one item, so leave the count out.");
            return new SleepWorkload(seconds, steps);
        }
        int items = count ?? DefaultCount;
        if (items < 0) throw new InvalidSettingException(CountSetting, $"the item count {items} cannot be negative.");
        return new SleepWorkload(Enumerable.Repeat(seconds.Count == 1 ? seconds[0] : 1.0, items), steps);
    }

    /// <summary>Ten items: the tutorial's batch.</summary>
    public const int DefaultCount = 10;

    /// <summary><paramref name="count"/> items of the same length, or one item per given length.</summary>
    public static SleepWorkload Create(int count, IReadOnlyList<double> seconds) =>
        FromInput(seconds.Count > 1 ? null : count, seconds);

    public override string Name => WorkloadName;

    public override int Count => _seconds.Length;

    public IReadOnlyList<double> Seconds => _seconds;

    /// <summary>How many equal parts each item's sleep is cut into; 1 is one plain sleep.</summary>
    public int Steps { get; }

    public override string GetLabel(int index) => $"sleep {Format(_seconds[index])} s #{index + 1}";

    public override Type ResultType => typeof(SleepResult);

    public override ItemResult CreateResult(int index) => new SleepResult { SleepSeconds = _seconds[index] };

    public override void Execute(int index, ItemResult result, ItemContext context)
    {
        double seconds = Begin(index, context);
        // Each step ends at its share of the whole, counted from the start, so the steps' own overheads do
        // not add up: ten steps of a second still end about ten seconds after the first began.
        long start = Stopwatch.GetTimestamp();
        for (int step = 1; step <= Steps; step++)
        {
            LogStep(step, seconds, context);
            if (context.CancellationToken.WaitHandle.WaitOne(UntilStepEnds(start, step, seconds)))
                context.CancellationToken.ThrowIfCancellationRequested();
        }
        End(seconds, context);
    }

    public override async Task ExecuteAsync(int index, ItemResult result, ItemContext context)
    {
        double seconds = Begin(index, context);
        long start = Stopwatch.GetTimestamp();
        for (int step = 1; step <= Steps; step++)
        {
            LogStep(step, seconds, context);
            await Task.Delay(UntilStepEnds(start, step, seconds), context.CancellationToken).ConfigureAwait(false);
        }
        End(seconds, context);
    }

    public override JsonElement SaveSettings() =>
        JsonSerializer.SerializeToElement(new SleepSettings(_seconds, Steps), SleepJson.Default.SleepSettings);

    public static SleepWorkload Restore(JsonElement settings)
    {
        // A bare array of seconds is how settings looked before steps: one plain sleep per item.
        if (settings.ValueKind == JsonValueKind.Array)
            return new SleepWorkload(settings.Deserialize(SleepJson.Default.DoubleArray) ?? []);
        var saved = settings.Deserialize(SleepJson.Default.SleepSettings);
        return new SleepWorkload(saved?.Seconds ?? [], saved?.Steps ?? 1);
    }

    protected override JsonTypeInfo ResultJson => SleepJson.Default.SleepResult;

    private double Begin(int index, ItemContext context)
    {
        double seconds = _seconds[index];
        context.Log(Steps == 1
            ? $"Sleeping {Format(seconds)} second(s)..."
            : $"Sleeping {Format(seconds)} second(s) in {Steps} steps of {Format(seconds / Steps)} s...");
        return seconds;
    }

    /// <summary>One line per step when there are several: the tutorial's "Number : 0", "Number : 1", ...</summary>
    private void LogStep(int step, double seconds, ItemContext context)
    {
        if (Steps > 1) context.Log($"Step {step} of {Steps} ({Format(seconds / Steps)} s)");
    }

    private TimeSpan UntilStepEnds(long start, int step, double seconds)
    {
        var left = TimeSpan.FromSeconds(seconds * step / Steps) - Stopwatch.GetElapsedTime(start);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static void End(double seconds, ItemContext context) =>
        context.Log($"Done sleeping {Format(seconds)} second(s)");

    private static string Format(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
