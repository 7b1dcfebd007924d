using ConcurrencyDemo.Engine;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// <c>concurrency-demo worker</c>: the program Process mode starts, speaking the engine's JSON-lines
/// protocol on stdin/stdout. stdout belongs to the protocol alone, so this command writes nothing else there.
/// Not a System.CommandLine command: every Process run waits for its workers' start-up, so the worker is
/// dispatched before any command tree is built (see <see cref="CliApplication"/>); the tree only lists it.
/// </summary>
public static class WorkerLoopCommand
{
    public const string Name = "worker";

    public const string Summary = "(internal) The worker-process loop Process mode starts; speaks JSON lines on stdin/stdout.";

    public static int Run()
    {
        // Ctrl+C in a terminal reaches the whole process group, workers included. The parent owns a
        // worker's life (it closes stdin or kills it), so a worker that died first would only show up as a
        // spurious "worker exited" failure in the parent's output.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        return WorkerMain.Run();
    }
}
