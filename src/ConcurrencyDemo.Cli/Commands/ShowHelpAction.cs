using System.CommandLine;
using System.CommandLine.Invocation;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// What --help does: <see cref="HelpText"/> for the command it follows. It clears parse errors, as
/// System.CommandLine's own help does, so that "sleep --count x --help" still shows help: a person who asks
/// for help beside a mistake needs the help more than the error.
/// </summary>
public sealed class ShowHelpAction : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        HelpText.Write(parseResult.InvocationConfiguration.Output, parseResult.CommandResult.Command);
        return ExitCodes.Success;
    }
}
