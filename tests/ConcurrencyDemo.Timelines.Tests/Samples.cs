namespace ConcurrencyDemo.Timelines.Tests;

/// <summary>Items and runs as the engine records them, made by hand so that every time is known.</summary>
internal static class Samples
{
    public static TimelineItem Item(string worker, int index, double start, double end, string runId = "run1", string mode = "Pool",
        bool success = true, double? workerStart = null, double? workerReady = null, string? label = null, string workload = "Sleep",
        int threadId = 0, int processId = 100, int throttleLimit = 6) => new()
    {
        RunId = runId,
        Workload = workload,
        Mode = mode,
        ThrottleLimit = throttleLimit,
        Index = index,
        Label = label ?? $"sleep 1 s #{index + 1}",
        StartSeconds = start,
        EndSeconds = end,
        DurationSeconds = end - start,
        Worker = worker,
        WorkerStartSeconds = workerStart ?? start,
        WorkerReadySeconds = workerReady ?? start,
        ThreadId = threadId,
        ProcessId = processId,
        WorkerHost = mode == "Process" ? "dotnet" : "in-process",
        Success = success,
        Failure = success ? "None" : "Unexpected",
        Error = success ? "" : "it broke",
    };

    /// <summary>Ten one-second sleeps on a pool of six: six, then four more as the first threads come free.</summary>
    public static TimelineRun PoolOfSixTakingTwoRounds(string runId = "pool1")
    {
        var items = new List<TimelineItem>();
        for (int i = 0; i < 10; i++)
        {
            int lane = i % 6 + 1;
            double start = i < 6 ? 0.01 : 1.01;
            items.Add(Item($"Pool-{lane}", i, start, start + 1, runId, threadId: 10 + lane, workerStart: 0.001 * lane, workerReady: 0.001 * lane + 0.0005));
        }
        return TimelineRun.Group(items).Single();
    }

    /// <summary>Two worker processes that take 0.15 s to start, then two items of half a second each.</summary>
    public static TimelineRun TwoWorkerProcesses(string runId = "proc1") => TimelineRun.Group(
    [
        Item("Proc-1", 0, 0.17, 0.67, runId, "Process", workerStart: 0.01, workerReady: 0.16, threadId: 1, processId: 201, throttleLimit: 2),
        Item("Proc-2", 1, 0.18, 0.68, runId, "Process", workerStart: 0.01, workerReady: 0.17, threadId: 1, processId: 202, throttleLimit: 2),
        Item("Proc-1", 2, 0.70, 1.20, runId, "Process", workerStart: 0.01, workerReady: 0.16, threadId: 1, processId: 201, throttleLimit: 2),
        Item("Proc-2", 3, 0.71, 1.21, runId, "Process", workerStart: 0.01, workerReady: 0.17, threadId: 1, processId: 202, throttleLimit: 2),
    ]).Single();

    /// <summary>Ten items one after another on one thread.</summary>
    public static TimelineRun Sequential(int count = 10, double seconds = 1, string runId = "seq1", string workload = "Sleep")
    {
        var items = Enumerable.Range(0, count)
            .Select(i => Item("Seq-1", i, 0.01 + i * seconds, 0.01 + (i + 1) * seconds, runId, "Sequential", threadId: 5, workload: workload, throttleLimit: 1));
        return TimelineRun.Group(items).Single();
    }
}
