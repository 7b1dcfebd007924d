using System.Diagnostics;

namespace ConcurrencyDemo.Engine;

/// <summary>
/// The one clock of a batch. <see cref="Stopwatch"/> timestamps come from the operating system's
/// monotonic counter (CLOCK_MONOTONIC, QueryPerformanceCounter, mach_absolute_time), which is shared
/// by every process on the machine, so items run by worker processes land on the same timeline.
/// </summary>
public static class MonotonicClock
{
    public static long Now => Stopwatch.GetTimestamp();

    public static double SecondsBetween(long fromTimestamp, long toTimestamp) =>
        (toTimestamp - fromTimestamp) / (double)Stopwatch.Frequency;
}
