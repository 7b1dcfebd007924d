namespace ConcurrencyDemo.Workers;

/// <summary>
/// A .NET host (the dotnet muxer) that can run the worker program, and how it was found, for -Debug.
/// </summary>
internal sealed record DotnetHost(string Path, string FoundAs);
