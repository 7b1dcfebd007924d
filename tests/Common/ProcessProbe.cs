using System.Runtime.InteropServices;

namespace ConcurrencyDemo.Tests.Common;

/// <summary>Looks at and signals other processes by id: how tests check that no worker outlived its run.</summary>
public static class ProcessProbe
{
    /// <summary>Whether a process with this id still runs; a zombie (exited, not yet reaped) does not count.</summary>
    public static bool IsAlive(int processId)
    {
        if (OperatingSystem.IsLinux())
        {
            string stat = $"/proc/{processId}/stat";
            if (!File.Exists(stat)) return false;
            try
            {
                string text = File.ReadAllText(stat);
                // "pid (comm) state ...": the command may hold spaces and parentheses, the state follows the last ')'.
                return text[(text.LastIndexOf(')') + 2)] != 'Z';
            }
            catch (IOException) { return false; }
        }
        if (OperatingSystem.IsWindows())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(processId);
                return !process.HasExited;
            }
            catch (ArgumentException) { return false; }
        }
        return kill(processId, 0) == 0;
    }

    /// <summary>Sends a POSIX signal (SIGINT = 2, SIGTERM = 15); false with errno set when it could not.</summary>
    public static bool Signal(int processId, int signal) => kill(processId, signal) == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
