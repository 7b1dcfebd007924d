using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads;

namespace ConcurrencyDemo.Engine.WorkerProcesses;

/// <summary>
/// Compile-time JSON metadata for everything that crosses the worker protocol. Every worker process is a
/// cold start: with reflection-based serialisation each one spent a good part of its start-up building
/// serialisers, which a timeline then showed as "process cost" that was really ours.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(WorkerMessage))]
[JsonSerializable(typeof(ItemResult))]
[JsonSerializable(typeof(SleepResult))]
[JsonSerializable(typeof(ConvertResult))]
[JsonSerializable(typeof(double[]))]
[JsonSerializable(typeof(ConvertPlan))]
internal sealed partial class WorkerProtocolJson : JsonSerializerContext
{
    public static JsonTypeInfo For(Type type) => Resolver.Options.GetTypeInfo(type);

    public static JsonTypeInfo<T> For<T>() => (JsonTypeInfo<T>)Resolver.Options.GetTypeInfo(typeof(T));

    /// <summary>
    /// Types not listed above (a workload added without updating the list) still work, more slowly. A nested
    /// class, so that it is initialised after the generated <c>Default</c> it copies.
    /// </summary>
    private static class Resolver
    {
        public static readonly JsonSerializerOptions Options = new(Default.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(Default, new DefaultJsonTypeInfoResolver()),
        };
    }
}
