using System.CommandLine;
using System.CommandLine.Invocation;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// What --version does when other words come with it ("--version sleep"): the version alone, as the CLI always
/// answered. A lone --version never gets here (see <see cref="CliApplication"/>).
/// </summary>
public sealed class ShowVersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(ProgramVersion.Text);
        return ExitCodes.Success;
    }
}
