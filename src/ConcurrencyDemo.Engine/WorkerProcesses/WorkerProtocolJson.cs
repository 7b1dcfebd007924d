using System.Text.Json.Serialization;

namespace ConcurrencyDemo.Engine.WorkerProcesses;

/// <summary>
/// Compile-time JSON metadata for the protocol's own messages; what a workload sends inside them (settings,
/// results) is the workload's own JSON. Every worker process is a cold start: with reflection-based
/// serialisation each one spent a good part of its start-up building serialisers, which a timeline then
/// showed as "process cost" that was really ours.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(WorkerMessage))]
internal sealed partial class WorkerProtocolJson : JsonSerializerContext;
