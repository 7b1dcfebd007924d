using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>Writes the results of one command, run after run, to stdout in one format. Called only on the pump thread.</summary>
public interface IResultWriter
{
    void BeginRun(ExecutionMode mode);

    /// <summary>Called as each item finishes, so output streams while the run goes on.</summary>
    void WriteItem(ItemResult result);

    void EndRun(RunSummary summary);

    /// <summary>After the last run; not called when the command was cancelled.</summary>
    void Complete(IReadOnlyList<RunSummary> runs);
}
