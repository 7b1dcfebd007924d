using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ConcurrencyDemo.Engine.Items;

namespace ConcurrencyDemo.Engine.WorkerProcesses;

/// <summary>
/// The loop a worker process runs (see <see cref="WorkerMain"/>): it says it is ready, rebuilds the workload
/// it is sent with the front end's <c>restore</c>, then runs one item per command. stdout is
/// the protocol's alone. An "exit" command ends the loop once the items before it are done; stdin
/// closing without one means the parent died, so the running item is cancelled and the worker stops:
/// a worker never outlives the batch that started it.
/// </summary>
public static class WorkerHost
{
    /// <param name="restore">Rebuilds a workload from its registered name and saved settings.</param>
    public static int Run(Func<string, JsonElement, Workload> restore) =>
        Run(restore, Console.OpenStandardInput(), Console.OpenStandardOutput());

    public static int Run(Func<string, JsonElement, Workload> restore, Stream input, Stream output)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        var sendLock = new object();
        void Send(WorkerMessage message)
        {
            lock (sendLock)
            {
                writer.WriteLine(message.ToJson());
                writer.Flush();
            }
        }

        // Not disposed: the stdin reader thread may still touch them after Run has returned (a reply
        // of failure, or the line after "exit"), and the process ends right after Run anyway.
        var parentGone = new CancellationTokenSource();
        var commands = new BlockingCollection<WorkerMessage>();
        var reader = new Thread(() =>
        {
            using var lines = new StreamReader(input, Encoding.UTF8);
            bool exitRequested = false;
            try
            {
                while (!exitRequested && lines.ReadLine() is { } line)
                {
                    if (WorkerMessage.Parse(line) is not { } command) continue;
                    exitRequested = command.Type == WorkerMessage.Exit;
                    commands.Add(command);
                }
            }
            catch (IOException) { }
            if (!exitRequested) parentGone.Cancel();
            commands.CompleteAdding();
        }) { IsBackground = true, Name = "Worker stdin" };

        // Warm the protocol path before saying ready, so that "ready" means able to take work at full speed.
        WorkerMessage.Parse(new WorkerMessage { Type = WorkerMessage.Ready }.ToJson());
        Send(new WorkerMessage { Type = WorkerMessage.Ready, ProcessId = Environment.ProcessId, Timestamp = MonotonicClock.Now });
        reader.Start();

        Workload? workload = null;
        foreach (var command in commands.GetConsumingEnumerable())
        {
            switch (command.Type)
            {
                case WorkerMessage.Init:
                    try
                    {
                        workload = restore(command.Workload ?? "", command.Settings ?? default);
                    }
                    catch (Exception ex)
                    {
                        Send(new WorkerMessage { Type = WorkerMessage.Failure, Message = $"Cannot set up workload '{command.Workload}': {ex.Message}" });
                        return 1;
                    }
                    break;
                case WorkerMessage.RunItem when workload is not null:
                    RunItem(workload, command.Index, parentGone.Token, Send);
                    break;
                case WorkerMessage.Exit:
                    return 0;
                default:
                    Send(new WorkerMessage { Type = WorkerMessage.Failure, Message = $"Unexpected command '{command.Type}'." });
                    return 1;
            }
        }
        return 0;
    }

    private static void RunItem(Workload workload, int index, CancellationToken cancellationToken, Action<WorkerMessage> send)
    {
        long start = MonotonicClock.Now;
        send(new WorkerMessage { Type = WorkerMessage.Started, Index = index, Timestamp = start, ThreadId = Environment.CurrentManagedThreadId });
        var result = workload.CreateResult(index);
        var context = new ItemContext(index, cancellationToken,
            message => send(new WorkerMessage { Type = WorkerMessage.Log, Index = index, Message = message }));
        ItemExecution.Run(workload, index, result, context);
        send(new WorkerMessage
        {
            Type = WorkerMessage.Finished,
            Index = index,
            Timestamp = start,
            EndTimestamp = MonotonicClock.Now,
            ThreadId = Environment.CurrentManagedThreadId,
            Result = workload.SaveResult(result),
        });
    }
}
