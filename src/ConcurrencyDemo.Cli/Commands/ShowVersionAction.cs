using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// What --version does: "concurrency-demo 0.1.0 (.NET 10.0.1)". The runtime is part of it because the demo's
/// timings depend on it, and the CLI rolls forward to whatever major version is installed.
/// </summary>
public sealed class ShowVersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine($"{parseResult.RootCommandResult.Command.Name} {Version} (.NET {Environment.Version})");
        return ExitCodes.Success;
    }

    /// <summary>The package version, without the "+commit" the SDK appends to the informational version.</summary>
    private static string Version
    {
        get
        {
            string version = typeof(ShowVersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            int plus = version.IndexOf('+');
            return plus < 0 ? version : version[..plus];
        }
    }
}
