using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace ConcurrencyDemo.Workers;

/// <summary>
/// What choosing a worker looks at on this machine: the running process, its runtime, the environment and
/// the file system. Passed in rather than read directly, so every branch of the choice can be tested
/// with a made-up machine.
/// </summary>
internal sealed record MachineFacts
{
    /// <summary>The program running PowerShell: pwsh, or the dotnet muxer when pwsh is a .NET tool.</summary>
    public required string? ProcessPath { get; init; }

    /// <summary>Where the running runtime's assemblies are: &lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/ unless self-contained.</summary>
    public required string RuntimeDirectory { get; init; }

    public required bool IsWindows { get; init; }

    /// <summary>The portable runtime identifier of this platform, as "linux-x64".</summary>
    public required string RuntimeIdentifier { get; init; }

    /// <summary>
    /// The instruction sets, by the native compiler's names, that a native worker may have been compiled for and this
    /// processor runs, widest first: "avx512" (AVX-512 F, BW, CD, DQ and VL, on top of "avx2") and "avx2" (with BMI1,
    /// BMI2, FMA, LZCNT, MOVBE and F16C), as the .NET 10 native compiler groups them.
    /// </summary>
    public required IReadOnlyList<string> InstructionSets { get; init; }

    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    public required Func<string, bool> FileExists { get; init; }

    /// <summary>Whether a file may be run as a program: on Unix, that it has an execute permission.</summary>
    public required Func<string, bool> IsExecutable { get; init; }

    /// <summary>Gives a file the execute permission its read permissions imply (chmod +x); false where that is not allowed.</summary>
    public required Func<string, bool> TryMakeExecutable { get; init; }

    /// <summary>Null when a native worker starts here and says it is ready; otherwise why it does not (<see cref="NativeWorkerProbe"/>).</summary>
    public required Func<string, string?> WhyNativeWorkerCannotRun { get; init; }

    /// <summary>The names (not paths) of a folder's subfolders; none when the folder does not exist.</summary>
    public required Func<string, IEnumerable<string>> SubdirectoryNames { get; init; }

    /// <summary>The file a path finally leads to through symbolic links (/usr/bin/dotnet is often one); the path itself otherwise.</summary>
    public required Func<string, string> ResolveLinks { get; init; }

    public static MachineFacts Current { get; } = new()
    {
        ProcessPath = Environment.ProcessPath,
        RuntimeDirectory = RuntimeEnvironment.GetRuntimeDirectory(),
        IsWindows = OperatingSystem.IsWindows(),
        RuntimeIdentifier = RuntimeInformation.RuntimeIdentifier,
        InstructionSets = ProcessorInstructionSets(),
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        FileExists = File.Exists,
        IsExecutable = HasExecutePermission,
        TryMakeExecutable = AddExecutePermission,
        WhyNativeWorkerCannotRun = NativeWorkerProbe.WhyItCannotRun,
        SubdirectoryNames = ListSubdirectoryNames,
        ResolveLinks = ResolveFileLinks,
    };

    private static IReadOnlyList<string> ProcessorInstructionSets()
    {
        var sets = new List<string>();
        // .NET 8 and 9 report AVX2 without MOVBE or F16C, which the native compiler's "avx2" also requires: asked of
        // the processor itself (CPUID leaf 1, ECX bits 22 and 29).
        bool movbeAndF16c = X86Base.IsSupported && (X86Base.CpuId(1, 0).Ecx & ((1 << 22) | (1 << 29))) == ((1 << 22) | (1 << 29));
        bool avx2 = Avx2.IsSupported && Bmi1.IsSupported && Bmi2.IsSupported && Fma.IsSupported && Lzcnt.IsSupported && movbeAndF16c;
        if (avx2 && Avx512F.IsSupported && Avx512F.VL.IsSupported && Avx512BW.IsSupported && Avx512CD.IsSupported && Avx512DQ.IsSupported)
            sets.Add("avx512");
        if (avx2)
            sets.Add("avx2");
        return sets;
    }

    private static bool HasExecutePermission(string path)
    {
        if (OperatingSystem.IsWindows()) return File.Exists(path);
        try
        {
            return (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool AddExecutePermission(string path)
    {
        if (OperatingSystem.IsWindows()) return false;
        try
        {
            var mode = File.GetUnixFileMode(path);
            if (mode.HasFlag(UnixFileMode.UserRead)) mode |= UnixFileMode.UserExecute;
            if (mode.HasFlag(UnixFileMode.GroupRead)) mode |= UnixFileMode.GroupExecute;
            if (mode.HasFlag(UnixFileMode.OtherRead)) mode |= UnixFileMode.OtherExecute;
            File.SetUnixFileMode(path, mode);
            return HasExecutePermission(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static IEnumerable<string> ListSubdirectoryNames(string path)
    {
        try
        {
            return Directory.Exists(path) ? Directory.GetDirectories(path).Select(Path.GetFileName).OfType<string>().ToList() : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string ResolveFileLinks(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }
}
