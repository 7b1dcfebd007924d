using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using ConcurrencyDemo.Tests.Common;

namespace ConcurrencyDemo.Cli.Tests;

/// <summary>A CLI process the test talks to while it runs: reads its stderr line by line and sends it signals.</summary>
internal sealed class RunningCli : IDisposable
{
    public const int SIGINT = 2;
    public const int SIGTERM = 15;

    private readonly Process _process;
    private readonly BlockingCollection<string> _stderrLines = new();
    private readonly List<string> _stderrSeen = [];
    private readonly Task<string> _stdout;

    private RunningCli(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) _stderrLines.CompleteAdding();
            else _stderrLines.Add(e.Data);
        };
        _process.BeginErrorReadLine();
        _stdout = _process.StandardOutput.ReadToEndAsync();
    }

    public static RunningCli Start(params string[] arguments) =>
        new(Process.Start(CliProgram.CreateStartInfo(arguments, restoreCtrlC: true))!);

    public int ProcessId => _process.Id;

    public IReadOnlyList<string> StderrSeen => _stderrSeen;

    /// <summary>Reads stderr until <paramref name="enough"/> holds for the lines read so far.</summary>
    public void WaitForStderr(Func<IReadOnlyList<string>, bool> enough, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!enough(_stderrSeen))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_stderrLines.TryTake(out string? line, left))
                throw new TimeoutException($"stderr did not show what the test waits for; it said:\n{string.Join('\n', _stderrSeen)}");
            _stderrSeen.Add(line);
        }
    }

    public void Signal(int signal) =>
        Assert.True(ProcessProbe.Signal(_process.Id, signal), $"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastWin32Error()}");

    /// <summary>The exit code, or null when the process is still running after <paramref name="timeout"/>.</summary>
    public int? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) return null;
        _process.WaitForExit(); // drains the redirected streams
        while (_stderrLines.TryTake(out string? line)) _stderrSeen.Add(line);
        return _process.ExitCode;
    }

    public string Stdout => _stdout.Result;

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.Dispose();
        _stderrLines.Dispose();
    }
}
