namespace ConcurrencyDemo.Cli.Tests;

/// <summary>A theory that sends POSIX signals, which Windows does not have.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Sends POSIX signals (SIGINT, SIGTERM).";
    }
}
