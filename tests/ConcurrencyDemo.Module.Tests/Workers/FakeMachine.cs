using ConcurrencyDemo.Workers;

namespace ConcurrencyDemo.Module.Tests;

/// <summary>A made-up machine for the worker choice: files, folders, links and environment variables, nothing real.</summary>
internal sealed class FakeMachine
{
    public static readonly string Root = OperatingSystem.IsWindows() ? @"C:\" : "/";

    private readonly HashSet<string> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notExecutable = new(StringComparer.Ordinal);

    /// <summary>Whether chmod +x succeeds here (false: the module folder belongs to someone else).</summary>
    public bool CanMakeExecutable { get; set; } = true;

    /// <summary>Why a native worker does not start here (a C library too old for it, say); null: it starts.</summary>
    public string? NativeWorkerFailure { get; set; }

    public string? ProcessPath { get; set; } = At("opt", "microsoft", "powershell", "7", "pwsh");

    /// <summary>A self-contained pwsh's runtime folder unless a test says otherwise.</summary>
    public string RuntimeDirectory { get; set; } = At("opt", "microsoft", "powershell", "7") + Path.DirectorySeparatorChar;

    public bool IsWindows { get; set; } = OperatingSystem.IsWindows();

    public string RuntimeIdentifier { get; set; } = OperatingSystem.IsWindows() ? "win-x64" : "linux-x64";

    /// <summary>A processor with both instruction sets a native worker may be compiled for, unless a test says otherwise.</summary>
    public string[] InstructionSets { get; set; } = ["avx512", "avx2"];

    public string Muxer => IsWindows ? "dotnet.exe" : "dotnet";

    public static string At(params string[] parts) => Path.Combine([Root, .. parts]);

    public FakeMachine WithFile(string path)
    {
        _files.Add(path);
        return this;
    }

    public FakeMachine WithLink(string link, string target)
    {
        _files.Add(link);
        _files.Add(target);
        _links[link] = target;
        return this;
    }

    public FakeMachine WithVariable(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    /// <summary>A dotnet installation: its muxer and one runtime folder per version.</summary>
    public FakeMachine WithDotnet(string installation, params string[] runtimeVersions)
    {
        _files.Add(Path.Combine(installation, Muxer));
        foreach (string version in runtimeVersions)
            _files.Add(Path.Combine(installation, "shared", "Microsoft.NETCore.App", version, "System.Private.CoreLib.dll"));
        return this;
    }

    /// <summary>The module folder with the worker program and its runtimeconfig, as the build stages it.</summary>
    public FakeMachine WithModule(string moduleFolder, bool withWorkerProgram = true)
    {
        _files.Add(Path.Combine(moduleFolder, "ConcurrencyDemo.dll"));
        _files.Add(Path.Combine(moduleFolder, "ConcurrencyDemo.psd1"));
        if (withWorkerProgram)
        {
            _files.Add(Path.Combine(moduleFolder, "ConcurrencyDemo.Worker.dll"));
            _files.Add(Path.Combine(moduleFolder, "ConcurrencyDemo.Worker.runtimeconfig.json"));
        }
        return this;
    }

    /// <summary>The worker program compiled natively for one platform and instruction set, as build.ps1 stages it (folder "linux-x64-avx512").</summary>
    public FakeMachine WithNativeWorker(string moduleFolder, string folderName, bool executable = true)
    {
        string program = NativeWorkerPath(moduleFolder, folderName);
        _files.Add(program);
        if (!executable) _notExecutable.Add(program);
        return this;
    }

    public string NativeWorkerPath(string moduleFolder, string folderName) =>
        Path.Combine(moduleFolder, NativeWorker.FolderName, folderName, NativeWorker.ProgramFileName(IsWindows));

    public MachineFacts Facts => new()
    {
        ProcessPath = ProcessPath,
        RuntimeDirectory = RuntimeDirectory,
        IsWindows = IsWindows,
        RuntimeIdentifier = RuntimeIdentifier,
        InstructionSets = InstructionSets,
        GetEnvironmentVariable = name => _environment.GetValueOrDefault(name),
        FileExists = _files.Contains,
        IsExecutable = path => _files.Contains(path) && !_notExecutable.Contains(path),
        TryMakeExecutable = path => CanMakeExecutable && _files.Contains(path) && _notExecutable.Remove(path),
        WhyNativeWorkerCannotRun = _ => NativeWorkerFailure,
        SubdirectoryNames = SubdirectoryNames,
        ResolveLinks = path => _links.GetValueOrDefault(path, path),
    };

    private IEnumerable<string> SubdirectoryNames(string folder)
    {
        string prefix = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return _files.Where(f => f.StartsWith(prefix, StringComparison.Ordinal))
            .Select(f => f[prefix.Length..])
            .Where(rest => rest.Contains(Path.DirectorySeparatorChar))
            .Select(rest => rest[..rest.IndexOf(Path.DirectorySeparatorChar)])
            .Distinct()
            .ToList();
    }
}
