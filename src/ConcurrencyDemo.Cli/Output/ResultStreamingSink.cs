using ConcurrencyDemo.Engine.Events;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>The CLI's end of the engine's event pump: results to stdout through the writer, the rest to stderr.</summary>
public sealed class ResultStreamingSink(IResultWriter writer, StderrReporter reporter) : IBatchEventSink
{
    public void OnEvent(BatchEvent batchEvent)
    {
        if (batchEvent is ItemFinishedEvent finished)
            writer.WriteItem(finished.Result);
        else
            reporter.Report(batchEvent);
    }
}
