using System.Text.Json.Serialization;

namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>
/// The download workload's settings (the plan: which URL becomes which file, and how) and results, as they
/// cross the worker protocol. Unlike the other workloads' JSON, values equal to their type's default are
/// written too: a setting whose own default is not zero (3 retries) must survive being set to 0.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(DownloadResult))]
[JsonSerializable(typeof(DownloadPlan))]
internal sealed partial class DownloadJson : JsonSerializerContext;
