namespace ConcurrencyDemo.Workers;

/// <summary>
/// A .NET host (the dotnet muxer) that can run the worker program, and how it was found, for -Debug.
/// <paramref name="RunsPowerShellsRuntime"/>: the host is known to have the runtime PowerShell runs on, so code
/// precompiled for that runtime's major version is valid in its workers.
/// </summary>
internal sealed record DotnetHost(string Path, string FoundAs, bool RunsPowerShellsRuntime = false);
