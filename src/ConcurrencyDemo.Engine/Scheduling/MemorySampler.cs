using System.Diagnostics;

namespace ConcurrencyDemo.Engine.Scheduling;

/// <summary>
/// The most memory a run held at once: this process's working set and, at the same instants, the sum of its
/// worker processes' working sets, sampled every <see cref="Interval"/> while the run lasts and once at its
/// end. A process's own peak counter covers its whole life (a pwsh session's earlier runs too), so a run
/// samples its own. On Linux a sample is one read of /proc/PID/statm: Environment.WorkingSet and the Process
/// class would load and compile enough to show in the start-up of a short CLI run.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly object _lock = new();
    private readonly List<int> _workers = [];
    private readonly Timer _timer;
    private long _peakOwn;
    private long _peakWorkers;
    private bool _disposed;

    public MemorySampler() => _timer = new Timer(_ => Sample(), null, Interval, Interval);

    public long PeakWorkingSetBytes
    {
        get { lock (_lock) return _peakOwn; }
    }

    public long PeakWorkerWorkingSetBytes
    {
        get { lock (_lock) return _peakWorkers; }
    }

    /// <summary>A worker process to count from now on; sampled at once, so a short-lived one still counts.</summary>
    public void AddWorker(int processId)
    {
        lock (_lock) _workers.Add(processId);
        Sample();
    }

    /// <summary>Sampled once more before it goes, so that its last state is counted.</summary>
    public void RemoveWorker(int processId)
    {
        Sample();
        lock (_lock) _workers.Remove(processId);
    }

    public void Sample()
    {
        lock (_lock)
        {
            if (_disposed) return;
            long workers = 0;
            foreach (int worker in _workers) workers += WorkingSetOf(worker);
            _peakOwn = Math.Max(_peakOwn, WorkingSetOf(Environment.ProcessId));
            _peakWorkers = Math.Max(_peakWorkers, workers);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock) _disposed = true;
    }

    /// <summary>Resident bytes of a process; 0 once it has gone.</summary>
    private static long WorkingSetOf(int processId)
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                // "size resident shared ..." in pages.
                string statm = File.ReadAllText($"/proc/{processId}/statm");
                int start = statm.IndexOf(' ') + 1, end = statm.IndexOf(' ', start);
                return long.Parse(statm.AsSpan(start, end - start)) * Environment.SystemPageSize;
            }
            using var process = Process.GetProcessById(processId);
            return process.WorkingSet64;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or FormatException)
        {
            return 0;
        }
    }
}
