using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Engine.Items;

/// <summary>
/// A batch of items of one kind of work. The engine decides where and when each item runs; the workload
/// knows how to run one item, how to describe it, and how to cross into a worker process: its settings
/// and its results as JSON, in its own serialiser (registered by name in the workload catalog).
/// </summary>
public abstract class Workload
{
    /// <summary>The name worker processes know the workload by, and the <c>Workload</c> column of results.</summary>
    public abstract string Name { get; }

    public abstract int Count { get; }

    public abstract string GetLabel(int index);

    /// <summary>
    /// Whether an item keeps a core busy from start to end (decoding, blurring) rather than mostly waiting
    /// (sleeping, downloading). The engine starts such a workload's worker processes tuned for long hot loops
    /// (see <see cref="WorkerProcesses.WorkerRuntimeSettings"/>).
    /// </summary>
    public virtual bool IsCpuBound => false;

    /// <summary>
    /// The type of this workload's results: the columns front ends show, the JSON workers send. Its own member,
    /// not read off <see cref="ResultJson"/>: building JSON metadata costs a start-up that in-process runs never need.
    /// </summary>
    public abstract Type ResultType { get; }

    /// <summary>
    /// A result of this workload's own type for item <paramref name="index"/>, with the item's inputs already
    /// filled in, so that even an item that never ran (its worker died, the run was stopped) says what it was
    /// asked to do and can be piped back in. The engine fills the common fields.
    /// </summary>
    public abstract ItemResult CreateResult(int index);

    /// <summary>
    /// Runs one item on the calling thread, filling the workload's fields of <paramref name="result"/>.
    /// Throwing marks the item failed (what was filled so far is kept); an <see cref="ItemFailureException"/>
    /// says what kind of failure it was. Waits must observe <see cref="ItemContext.CancellationToken"/> so
    /// that Ctrl+C stops the item promptly.
    /// </summary>
    public abstract void Execute(int index, ItemResult result, ItemContext context);

    /// <summary>Runs one item without holding a thread while it waits. By default it runs <see cref="Execute"/> on the thread pool.</summary>
    public virtual Task ExecuteAsync(int index, ItemResult result, ItemContext context) =>
        Task.Run(() => Execute(index, result, context), context.CancellationToken);

    /// <summary>Everything a worker process needs to rebuild this workload.</summary>
    public abstract JsonElement SaveSettings();

    /// <summary>A result as it crosses the worker protocol.</summary>
    public JsonElement SaveResult(ItemResult result) => JsonSerializer.SerializeToElement(result, ResultJson);

    /// <summary>A result read back from the worker protocol; null when the JSON is not one.</summary>
    public ItemResult? RestoreResult(JsonElement json)
    {
        try { return json.Deserialize(ResultJson) as ItemResult; }
        catch (JsonException) { return null; }
    }

    /// <summary>
    /// This workload's result type in its own source-generated serialiser: every worker process is a cold
    /// start, and building serialisers by reflection there showed up as process start-up that was really ours.
    /// </summary>
    protected abstract JsonTypeInfo ResultJson { get; }
}
