using System.Collections.Concurrent;
using System.Diagnostics;

namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>
/// The most memory a run held at once: this process's working set and, at the same instants, the sum of its
/// worker processes' working sets, sampled every <see cref="Interval"/> while the run lasts. A process's own
/// peak counter covers its whole life (a pwsh session's earlier runs too), so a run samples its own.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<int, Process> _workers = new();
    private readonly Timer _timer;
    private readonly object _sampleLock = new();
    private long _peakOwn;
    private long _peakWorkers;

    public MemorySampler()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, Interval, Interval);
    }

    public long PeakWorkingSetBytes => Interlocked.Read(ref _peakOwn);

    public long PeakWorkerWorkingSetBytes => Interlocked.Read(ref _peakWorkers);

    /// <summary>A worker process to count from now on; sampled once at once, so a short-lived one still counts.</summary>
    public void AddWorker(int processId)
    {
        try
        {
            _workers[processId] = Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            return; // Already gone.
        }
        Sample();
    }

    /// <summary>Sampled once more before it goes, so that its last state is counted.</summary>
    public void RemoveWorker(int processId)
    {
        Sample();
        if (_workers.TryRemove(processId, out var process)) process.Dispose();
    }

    public void Sample()
    {
        lock (_sampleLock)
        {
            long workers = 0;
            foreach (var process in _workers.Values)
            {
                try
                {
                    process.Refresh();
                    workers += process.WorkingSet64;
                }
                catch (InvalidOperationException)
                {
                    // Exited between samples: it holds nothing any more.
                }
            }
            Raise(ref _peakOwn, Environment.WorkingSet);
            Raise(ref _peakWorkers, workers);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
        foreach (var process in _workers.Values) process.Dispose();
        _workers.Clear();
    }

    private static void Raise(ref long peak, long value)
    {
        if (value > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, value);
    }
}
