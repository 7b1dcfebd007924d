using System.Text.Json.Serialization;

namespace ConcurrencyDemo.Engine.Workloads.Sleep;

/// <summary>The sleep workload's settings (the seconds of each item, the steps) and results, as they cross the worker protocol.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SleepResult))]
[JsonSerializable(typeof(SleepSettings))]
[JsonSerializable(typeof(double[]))]
internal sealed partial class SleepJson : JsonSerializerContext;
