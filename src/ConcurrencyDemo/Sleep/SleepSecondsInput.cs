using ConcurrencyDemo.Engine.Workloads;

namespace ConcurrencyDemo.Sleep;

/// <summary>
/// The -Seconds values Invoke-SleepDemo was given, gathered across pipeline records, and the rule that
/// turns them and -Count into a batch: several values, or values from the pipeline, are one item each
/// (the tutorial's <c>secs = [5, 4, 3, 2, 1]</c>); a single value typed as a parameter is the length of
/// each of -Count items; no value at all means -Count items of one second.
/// </summary>
internal sealed class SleepSecondsInput
{
    public const string CountParameter = "Count";
    public const string SecondsParameter = "Seconds";

    private readonly List<double> _seconds = [];

    public IReadOnlyList<double> Seconds => _seconds;

    public void Add(IEnumerable<double>? seconds)
    {
        if (seconds is not null) _seconds.AddRange(seconds);
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> whose ParamName is the cmdlet parameter at fault
    /// (<see cref="CountParameter"/> or <see cref="SecondsParameter"/>).
    /// </summary>
    public SleepWorkload CreateWorkload(int count, bool countGiven, bool fromPipeline)
    {
        bool oneItemPerValue = fromPipeline || _seconds.Count > 1;
        if (oneItemPerValue && countGiven)
            throw new ArgumentException(
                "-Count applies only to a single -Seconds value. With several values, or values from the pipeline, each value is one item: leave out -Count.",
                CountParameter);
        if (count < 0)
            throw new ArgumentException($"The item count {count} cannot be negative.", CountParameter);
        try
        {
            return oneItemPerValue ? new SleepWorkload(_seconds) : SleepWorkload.Create(count, _seconds);
        }
        catch (ArgumentException ex)
        {
            // SleepWorkload only rejects sleep lengths once the count is known to be valid.
            throw new ArgumentException(Messages.ArgumentErrorMessage.WithoutArgumentName(ex), SecondsParameter, ex);
        }
    }
}
