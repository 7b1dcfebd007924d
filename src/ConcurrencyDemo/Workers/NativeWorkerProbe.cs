using System.Collections.Concurrent;
using System.Diagnostics;

namespace ConcurrencyDemo.Workers;

/// <summary>
/// Starts a native worker once, with nothing to do, to learn whether it runs on this machine at all. Its folder name
/// promises a platform and an instruction set, but not the C library it was linked against (one built on a newer
/// Linux stops at once on an older one), nor a module folder on a file system that forbids running programs; and a
/// worker that cannot start would fail every item of every Process run. Asked once per program and session: about
/// 10 ms.
/// </summary>
internal static class NativeWorkerProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, string?> Verdicts = new(StringComparer.Ordinal);

    /// <summary>Null when the program said it was ready and ended cleanly; otherwise why not, for -Debug.</summary>
    public static string? WhyItCannotRun(string programPath) => Verdicts.GetOrAdd(programPath, Probe);

    private static string? Probe(string programPath)
    {
        var startInfo = new ProcessStartInfo(programPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(startInfo);
            if (process is null) return "it could not be started";
            // A worker whose input ends before any command says ready and exits: the end of input is its parent leaving.
            process.StandardInput.Close();
            var firstLine = process.StandardOutput.ReadLineAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Patience))
            {
                process.Kill(entireProcessTree: true);
                return $"it did not finish starting within {Patience.TotalSeconds:0} s";
            }
            string? line = firstLine.Wait(Patience) ? firstLine.Result : null;
            if (process.ExitCode == 0 && line is not null && line.Contains("\"type\":\"ready\"", StringComparison.Ordinal))
                return null;
            string detail = errors.Wait(Patience) ? errors.Result.Trim() : "";
            if (detail.Length > 300) detail = detail[..300] + "...";
            return $"it exited with code {process.ExitCode} before it was ready" + (detail.Length > 0 ? $": {detail}" : "");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return $"it could not be started: {ex.Message}";
        }
    }
}
