using System.CommandLine;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>"concurrency-demo convert": how usage lines and error lines name a command.</summary>
public static class CommandPath
{
    public static string Of(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is not null; symbol = symbol.Parents.FirstOrDefault())
            names.Add(symbol.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
