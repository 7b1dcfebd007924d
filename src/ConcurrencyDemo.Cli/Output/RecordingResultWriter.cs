using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>Passes every result on to the writer, and keeps them for what is drawn once the runs are over.</summary>
public sealed class RecordingResultWriter(IResultWriter inner) : IResultWriter
{
    private readonly List<ItemResult> _results = [];

    public IReadOnlyList<ItemResult> Results => _results;

    public void BeginRun(ExecutionMode mode) => inner.BeginRun(mode);

    public void WriteItem(ItemResult result)
    {
        _results.Add(result);
        inner.WriteItem(result);
    }

    public void EndRun(RunSummary summary) => inner.EndRun(summary);

    public void Complete(IReadOnlyList<RunSummary> runs) => inner.Complete(runs);
}
