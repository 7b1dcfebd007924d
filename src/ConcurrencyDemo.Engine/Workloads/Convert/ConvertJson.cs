using System.Text.Json.Serialization;

namespace ConcurrencyDemo.Engine.Workloads.Convert;

/// <summary>The convert workload's settings (the plan: which file becomes which, and how) and results, as they cross the worker protocol.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConvertResult))]
[JsonSerializable(typeof(ConvertPlan))]
internal sealed partial class ConvertJson : JsonSerializerContext;
