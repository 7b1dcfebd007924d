using System.Diagnostics;

namespace ConcurrencyDemo.Cli.Tests;

/// <summary>
/// The built concurrency-demo.dll, which the project reference copies beside the tests, run through the
/// dotnet host as a separate process: exit codes, stdout/stderr separation and signals are only real there.
/// </summary>
internal static class CliProgram
{
    public static string AssemblyPath { get; } = FindAssembly();

    public static string DotnetHost { get; } = FindDotnetHost();

    public static ProcessStartInfo CreateStartInfo(IEnumerable<string> arguments, bool restoreCtrlC = false)
    {
        // A program started in the background of a shell script inherits SIGINT ignored, and .NET rightly
        // leaves an ignored SIGINT ignored: tests that send Ctrl+C would then test nothing. Debian's env
        // restores the default before it runs the CLI, so those tests hold however the test run was started.
        bool throughEnv = restoreCtrlC && SigintIgnoredHere();
        var startInfo = new ProcessStartInfo(throughEnv ? "/usr/bin/env" : DotnetHost)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (throughEnv)
        {
            startInfo.ArgumentList.Add("--default-signal=INT");
            startInfo.ArgumentList.Add(DotnetHost);
        }
        startInfo.ArgumentList.Add(AssemblyPath);
        foreach (string argument in arguments) startInfo.ArgumentList.Add(argument);
        return startInfo;
    }

    /// <summary>Runs to the end with stdin closed; fails the test rather than hang if the CLI does.</summary>
    public static CliResult Run(params string[] arguments) => Run(CreateStartInfo(arguments), arguments);

    /// <summary>As <see cref="Run(string[])"/>, with environment variables set (or, with a null value, removed) for the CLI only.</summary>
    public static CliResult RunWithEnvironment(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var startInfo = CreateStartInfo(arguments);
        foreach (var (name, value) in environment)
        {
            if (value is null) startInfo.Environment.Remove(name);
            else startInfo.Environment[name] = value;
        }
        return Run(startInfo, arguments);
    }

    private static CliResult Run(ProcessStartInfo startInfo, string[] arguments)
    {
        using var process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"concurrency-demo {string.Join(' ', arguments)} did not finish within 60 s.");
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result, process.Id);
    }

    /// <summary>Whether this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status), as its children then do.</summary>
    private static bool SigintIgnoredHere()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/env")) return false;
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (2 - 1))) != 0;
    }

    private static string FindAssembly()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "concurrency-demo.dll");
        if (!File.Exists(path))
            throw new FileNotFoundException("concurrency-demo.dll is not beside the tests; the project reference to ConcurrencyDemo.Cli should copy it.", path);
        return path;
    }

    /// <summary>The host running these tests when it is dotnet, else the one the SDK names, else the one beside this runtime.</summary>
    private static string FindDotnetHost()
    {
        static bool IsDotnet(string? path) =>
            path is not null && Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase) && File.Exists(path);

        if (IsDotnet(Environment.ProcessPath)) return Environment.ProcessPath!;
        string? fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (IsDotnet(fromSdk)) return fromSdk!;
        // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>/dotnet
        string beside = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(),
            "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        return File.Exists(beside) ? beside : "dotnet";
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr, int ProcessId)
{
    public string[] StdoutLines => Lines(Stdout);

    public string[] StderrLines => Lines(Stderr);

    private static string[] Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
}
