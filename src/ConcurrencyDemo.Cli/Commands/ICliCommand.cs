namespace ConcurrencyDemo.Cli.Commands;

/// <summary>One verb of the command line (<c>concurrency-demo sleep ...</c>).</summary>
public interface ICliCommand
{
    string Name { get; }

    /// <summary>One line for the top-level help.</summary>
    string Summary { get; }

    /// <summary>Runs with the arguments after the verb; returns the exit code. Throws UsageException for a bad command line.</summary>
    int Run(IReadOnlyList<string> arguments);
}
