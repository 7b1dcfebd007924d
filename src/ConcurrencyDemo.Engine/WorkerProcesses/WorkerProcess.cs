using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ConcurrencyDemo.Engine.WorkerProcesses;

/// <summary>The parent's handle on one worker process: start it, talk to it line by line, stop or kill it.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private const int StderrLinesKept = 20;

    /// <summary>How often a wait for a line checks whether the process has already exited.</summary>
    private static readonly TimeSpan ExitPoll = TimeSpan.FromMilliseconds(200);

    private readonly Process _process;
    private readonly Queue<string> _stderrTail = new();
    private Task<string?>? _pendingLine;
    private int _killed;

    private WorkerProcess(Process process, string name, long startTimestamp)
    {
        _process = process;
        Name = name;
        StartTimestamp = startTimestamp;
    }

    public string Name { get; }
    public long StartTimestamp { get; }
    public long ReadyTimestamp { get; private set; }
    public int ProcessId => _process.Id;

    /// <summary>Starts the process and waits for its "ready" line; throws <see cref="WorkerStartException"/> if it never comes.</summary>
    /// <param name="environment">Variables set for the process on top of the ones it inherits.</param>
    public static WorkerProcess Start(WorkerCommand command, string name, TimeSpan readyTimeout, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(command.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in command.Arguments) startInfo.ArgumentList.Add(argument);
        if (environment is not null)
            foreach (var (variable, value) in environment) startInfo.Environment[variable] = value;

        long startTimestamp = MonotonicClock.Now;
        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new WorkerStartException($"Could not start worker process '{command.FileName}'.");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException)
        {
            throw new WorkerStartException($"Could not start worker process '{command.FileName}': {ex.Message}");
        }

        var worker = new WorkerProcess(process, name, startTimestamp);
        process.StandardInput.AutoFlush = true;
        process.StandardInput.NewLine = "\n";
        process.ErrorDataReceived += (_, e) => worker.KeepStderr(e.Data);
        process.BeginErrorReadLine();

        // A worker that never says ready (wrong program, a crash at start-up) is killed, which ends the read below.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(readyTimeout < MaxReadyTimeout ? readyTimeout : MaxReadyTimeout);
        using (timeout.Token.Register(worker.Kill))
        {
            // Other JSON-looking lines (a banner, a profile's output) before the handshake are not it.
            WorkerMessage? ready;
            do ready = worker.Receive();
            while (ready is not null && ready.Type != WorkerMessage.Ready);
            if (ready is not null)
            {
                worker.ReadyTimestamp = ready.Timestamp;
                return worker;
            }
        }
        string why = cancellationToken.IsCancellationRequested ? "the run was cancelled"
            : timeout.IsCancellationRequested ? $"it did not become ready within {readyTimeout.TotalSeconds:0.#} s"
            : $"it exited before becoming ready{worker.DescribeExit()}";
        worker.Dispose();
        throw new WorkerStartException($"Worker process '{command}' failed: {why}.");
    }

    /// <summary>CancelAfter cannot take more than about 49 days; a day is already "never" for a worker's start.</summary>
    private static readonly TimeSpan MaxReadyTimeout = TimeSpan.FromDays(1);

    public void Send(WorkerMessage message) => _process.StandardInput.WriteLine(message.ToJson());

    /// <summary>Sends the workload (by its registered name and saved settings) that the items to come belong to.</summary>
    public void Initialize(string workload, JsonElement settings)
    {
        try
        {
            Send(new WorkerMessage { Type = WorkerMessage.Init, Workload = workload, Settings = settings });
        }
        catch (IOException)
        {
            // It died right after saying ready: the first item's read sees that, fails the item and says why.
        }
    }

    /// <summary>
    /// Runs one item in this worker: the conversation, from the command to the "finished" reply, or to the
    /// worker's end. <paramref name="started"/> and <paramref name="log"/> are called as the worker says so.
    /// </summary>
    public WorkerItemOutcome RunItem(int index, Action<long, int> started, Action<string> log)
    {
        long startTimestamp = MonotonicClock.Now;
        int threadId = 0;
        try
        {
            Send(new WorkerMessage { Type = WorkerMessage.RunItem, Index = index });
        }
        catch (IOException)
        {
            // The worker died between items; the read below reports it.
        }
        while (Receive() is { } message)
        {
            switch (message.Type)
            {
                case WorkerMessage.Started:
                    startTimestamp = message.Timestamp;
                    threadId = message.ThreadId;
                    started(startTimestamp, threadId);
                    break;
                case WorkerMessage.Log:
                    log(message.Message ?? "");
                    break;
                case WorkerMessage.Finished:
                    return new WorkerItemOutcome
                    {
                        Result = message.Result,
                        StartTimestamp = message.Timestamp,
                        EndTimestamp = message.EndTimestamp,
                        ThreadId = message.ThreadId,
                    };
                case WorkerMessage.Failure:
                    return Gone($"Worker process {ProcessId} failed: {message.Message}");
            }
        }
        return Gone($"Worker process {ProcessId} ({Name}) exited while running item {index}{DescribeExit()}.");

        WorkerItemOutcome Gone(string why) => new()
        {
            WorkerGone = why,
            StartTimestamp = startTimestamp,
            EndTimestamp = MonotonicClock.Now,
            ThreadId = threadId,
        };
    }

    /// <summary>
    /// The next protocol message, or null once the process has gone (exited or killed). Waiting for the end
    /// of its output alone is not enough: a child it started may hold the pipe open long after it died.
    /// </summary>
    public WorkerMessage? Receive()
    {
        try
        {
            while (true)
            {
                _pendingLine ??= _process.StandardOutput.ReadLineAsync();
                if (!_pendingLine.Wait(ExitPoll))
                {
                    // Exited: whatever it wrote is buffered by now, so a short last wait is enough.
                    if (_process.HasExited && !_pendingLine.Wait(ExitPoll)) return null;
                    continue;
                }
                string? line = _pendingLine.Result;
                _pendingLine = null;
                if (line is null) return null;
                if (WorkerMessage.Parse(line) is { } message) return message;
            }
        }
        catch (AggregateException e) when (e.InnerException is IOException or ObjectDisposedException or InvalidOperationException) { }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException) { }
        return null;
    }

    /// <summary>Why the process went away: its exit code and the last lines it wrote to stderr.</summary>
    public string DescribeExit()
    {
        var text = new StringBuilder();
        if (_process.WaitForExit(2000))
            text.Append(Volatile.Read(ref _killed) == 1 ? " (killed)" : $" (exit code {_process.ExitCode})");
        string tail;
        lock (_stderrTail) tail = string.Join(" | ", _stderrTail);
        if (tail.Length > 0) text.Append(": ").Append(tail);
        return text.ToString();
    }

    /// <summary>Asks the worker to end its loop; kills it if it does not exit promptly.</summary>
    public void Stop(TimeSpan grace)
    {
        try
        {
            Send(new WorkerMessage { Type = WorkerMessage.Exit });
            _process.StandardInput.Close();
        }
        catch (IOException) { }
        if (!_process.WaitForExit((int)grace.TotalMilliseconds)) Kill();
    }

    /// <summary>Runs inside cancellation and timer callbacks, so it must never throw.</summary>
    public void Kill()
    {
        Interlocked.Exchange(ref _killed, 1);
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (Exception)
        {
            // Part of the tree could not be killed (AggregateException), or the process is already gone.
            try { _process.Kill(); } catch (Exception) { }
        }
    }

    public void Dispose()
    {
        Kill();
        try { _process.WaitForExit(5000); } catch (InvalidOperationException) { }
        _process.Dispose();
    }

    private void KeepStderr(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        lock (_stderrTail)
        {
            _stderrTail.Enqueue(line.Trim());
            while (_stderrTail.Count > StderrLinesKept) _stderrTail.Dequeue();
        }
    }
}
