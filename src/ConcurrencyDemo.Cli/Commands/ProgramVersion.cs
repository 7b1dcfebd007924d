using System.Reflection;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// What --version prints: "concurrency-demo 0.1.0 (.NET 10.0.1)". The runtime is part of it because the demo's
/// timings depend on it, and the CLI rolls forward to whatever major version is installed. Apart from
/// System.CommandLine, so that a lone --version is answered before any command tree exists (see
/// <see cref="CliApplication"/>).
/// </summary>
public static class ProgramVersion
{
    public const string OptionName = "--version";

    public static string Text => $"{CommandCatalog.ProgramName} {PackageVersion} (.NET {Environment.Version})";

    /// <summary>The package version, without the "+commit" the SDK appends to the informational version.</summary>
    private static string PackageVersion
    {
        get
        {
            string version = typeof(ProgramVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            int plus = version.IndexOf('+');
            return plus < 0 ? version : version[..plus];
        }
    }
}
