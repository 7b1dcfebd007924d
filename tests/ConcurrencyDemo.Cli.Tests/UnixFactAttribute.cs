namespace ConcurrencyDemo.Cli.Tests;

/// <summary>A test that sends POSIX signals, which Windows does not have.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Sends POSIX signals (SIGINT, SIGTERM).";
    }
}
