using System.Runtime.InteropServices;

namespace ConcurrencyDemo.Cli.Signals;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into a cancelled token instead of an abrupt exit, so the engine can
/// wake sleeping items and kill worker processes before the CLI exits by itself. A second signal is let
/// through to end the process at once, for when stopping hangs; worker processes still end then, because
/// their stdin closes with us.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _sigterm;
    private int _exitCode;

    public StopSignals()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSigterm);
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>The exit code for the signal that arrived first; Success while none has.</summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e) =>
        e.Cancel = RequestStop(ExitCodes.Interrupted);

    private void OnSigterm(PosixSignalContext context) =>
        context.Cancel = RequestStop(ExitCodes.Terminated);

    /// <summary>True when this is the first signal (keep running to stop cleanly); false lets the default action end the process.</summary>
    private bool RequestStop(int exitCode)
    {
        if (Interlocked.CompareExchange(ref _exitCode, exitCode, ExitCodes.Success) != ExitCodes.Success)
            return false;
        try { _stop.Cancel(); } catch (ObjectDisposedException) { }
        return true;
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _sigterm.Dispose();
        _stop.Dispose();
    }
}
