using ConcurrencyDemo.Engine.Events;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>
/// Everything that is not a result goes to stderr, so that csv and json output on stdout stay clean:
/// with --verbose, the items' own lines and worker start-ups; otherwise, on a terminal, a progress line
/// that rewrites itself (only when stdout is not that same terminal, where it would tear the table).
/// </summary>
public sealed class StderrReporter
{
    private readonly TextWriter _error;
    private readonly bool _verbose;
    private readonly bool _showProgress;
    private int _progressLength;

    public StderrReporter(TextWriter error, bool verbose, bool showProgress)
    {
        _error = error;
        _verbose = verbose;
        _showProgress = showProgress && !verbose;
    }

    public static StderrReporter ForConsole(bool verbose) =>
        new(Console.Error, verbose, showProgress: !Console.IsErrorRedirected && Console.IsOutputRedirected);

    public void Report(BatchEvent batchEvent)
    {
        switch (batchEvent)
        {
            case ItemLogEvent log when _verbose:
                _error.WriteLine("VERBOSE: " + log.ToLine());
                break;
            case WorkerStartedEvent worker when _verbose:
                _error.WriteLine("VERBOSE: " + worker.ToLine());
                break;
            case BatchProgressEvent progress when _showProgress:
                string line = $"{progress.Mode}: {progress.Completed}/{progress.Total} items done" +
                              (progress.Failed > 0 ? $", {progress.Failed} failed" : "");
                _error.Write("\r" + line.PadRight(_progressLength));
                _progressLength = line.Length;
                break;
        }
    }

    /// <summary>A line of its own, always shown; the progress line, if any, is wiped first and redrawn by the next update.</summary>
    public void ReportLine(string line)
    {
        ClearProgress();
        _error.WriteLine(line);
    }

    /// <summary>Wipes the progress line, so a run's end leaves the terminal as it found it.</summary>
    public void ClearProgress()
    {
        if (_progressLength == 0) return;
        _error.Write("\r" + new string(' ', _progressLength) + "\r");
        _progressLength = 0;
    }

}
