using ConcurrencyDemo.Engine.Events;
using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>The CLI's end of the engine's event pump: results to stdout through the writer, the rest to stderr.</summary>
/// <param name="describeFailure">
/// When given, each failed item also gets this one line on stderr: with csv or json on stdout, or a long
/// table, a person would otherwise miss which input went wrong. Items cut short by a stop are not failures
/// of their own, so they get none.
/// </param>
public sealed class ResultStreamingSink(IResultWriter writer, StderrReporter reporter,
    Func<ItemResult, string>? describeFailure = null, CancellationToken stopping = default) : IBatchEventSink
{
    public void OnEvent(BatchEvent batchEvent)
    {
        switch (batchEvent)
        {
            case RunStartedEvent started:
                writer.BeginRun(started.Mode);
                break;
            case ItemFinishedEvent finished:
                writer.WriteItem(finished.Result);
                if (!finished.Result.Success && describeFailure is not null && !stopping.IsCancellationRequested)
                    reporter.ReportLine(describeFailure(finished.Result));
                break;
            case RunFinishedEvent finished:
                reporter.ClearProgress();
                writer.EndRun(finished.Summary);
                break;
            default:
                reporter.Report(batchEvent);
                break;
        }
    }
}
