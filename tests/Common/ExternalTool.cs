using System.Diagnostics;

namespace ConcurrencyDemo.Tests.Common;

/// <summary>Reference tools from Debian packages (djpeg, cjpeg, Pillow, ImageMagick): found by full path, run with a time limit.</summary>
public static class ExternalTool
{
    public static string? Find(params string[] candidates) =>
        candidates.FirstOrDefault(File.Exists);

    public static string? Djpeg => Find("/usr/bin/djpeg");
    public static string? Cjpeg => Find("/usr/bin/cjpeg");
    public static string? Jpegtran => Find("/usr/bin/jpegtran");
    public static string? ImageMagick => Find("/usr/bin/convert-im6.q16");

    /// <summary>Debian's python3 with python3-pil, or null; a pyenv python3 earlier on PATH lacks PIL.</summary>
    public static string? PythonWithPil
    {
        get
        {
            string? python = Find("/usr/bin/python3");
            if (python is null) return null;
            try { return Run(python, ["-c", "import PIL"]).ExitCode == 0 ? python : null; }
            catch { return null; }
        }
    }

    public sealed record Result(int ExitCode, byte[] Stdout, string Stderr);

    public static Result Run(string fileName, IEnumerable<string> arguments, byte[]? stdin = null, int timeoutMs = 120_000)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdoutTask = Task.Run(() => { using var ms = new MemoryStream(); process.StandardOutput.BaseStream.CopyTo(ms); return ms.ToArray(); });
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeoutMs))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeoutMs} ms.");
        }
        return new Result(process.ExitCode, stdoutTask.Result, stderrTask.Result);
    }
}
