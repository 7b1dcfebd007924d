namespace ConcurrencyDemo.Benchmarks;

/// <summary>One benchmark the dispatcher can run.</summary>
public interface IBenchmarkCommand
{
    string Name { get; }

    /// <summary>Options and a one-line description, for the usage text.</summary>
    string Usage { get; }

    /// <summary>Runs with the arguments after the command name; returns the process exit code.</summary>
    int Run(string[] arguments);
}
