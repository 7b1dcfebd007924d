namespace ConcurrencyDemo.Cli;

/// <summary>What the process exit code tells a script; the signal codes follow the shell's 128 + signal number.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>At least one item failed (its row says why), or the command could not run (one line on stderr says why).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong; nothing ran.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C (SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (kill, docker stop, systemd).</summary>
    public const int Terminated = 143;
}
