using System.Text.Json;

namespace ConcurrencyDemo.Engine.WorkerProcesses;

/// <summary>
/// One line of the worker protocol: JSON, one object per line, on the worker's stdin (commands) and
/// stdout (replies). Timestamps are raw monotonic-clock ticks, which every process on the machine shares.
/// </summary>
internal sealed class WorkerMessage
{
    // Parent to worker.
    public const string Init = "init";
    public const string RunItem = "run";
    public const string Exit = "exit";

    // Worker to parent.
    public const string Ready = "ready";
    public const string Started = "started";
    public const string Log = "log";
    public const string Finished = "finished";
    public const string Failure = "failure";

    public string Type { get; set; } = "";
    public int Index { get; set; }
    /// <summary>"init": the workload's registered name; its settings are the workload's own JSON.</summary>
    public string? Workload { get; set; }
    public JsonElement? Settings { get; set; }

    /// <summary>"log": the item's line; "failure": why the worker gives up.</summary>
    public string? Message { get; set; }
    public int ProcessId { get; set; }
    public int ThreadId { get; set; }
    public long Timestamp { get; set; }
    public long EndTimestamp { get; set; }

    /// <summary>"finished": the item's result in the workload's own JSON, its outcome (Success, Failure, Error) included.</summary>
    public JsonElement? Result { get; set; }

    public string ToJson() => JsonSerializer.Serialize(this, WorkerProtocolJson.Default.WorkerMessage);

    /// <summary>Null for a line that is not a protocol message (a stray write to stdout must not kill the batch).</summary>
    public static WorkerMessage? Parse(string line)
    {
        if (line.Length == 0 || line[0] != '{') return null;
        try { return JsonSerializer.Deserialize(line, WorkerProtocolJson.Default.WorkerMessage); }
        catch (JsonException) { return null; }
    }
}
