namespace ConcurrencyDemo.Engine.Events;

/// <summary>
/// The front end's side of the pump. Every call comes on the thread that called
/// <see cref="BatchRunner.Run"/>, never on a worker, because PowerShell only lets the pipeline thread
/// write output, errors, progress and verbose records. An exception thrown here (such as PowerShell's
/// PipelineStoppedException after <c>Select-Object -First</c>) stops the run and is rethrown by Run.
/// </summary>
public interface IBatchEventSink
{
    void OnEvent(BatchEvent batchEvent);
}
