using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace ConcurrencyDemo.Engine.Results;

/// <summary>
/// The one order of a result's fields, for every front end: the common timing fields of <see cref="ItemResult"/>
/// first, then the workload's own, each class in declaration order. .NET reflection lists a derived class's
/// properties before its base's, so anything that shows results (a CSV header, a JSON object, PowerShell's
/// Export-Csv) asks here instead.
/// </summary>
public static class ResultProperties
{
    // Every result of a batch has the same type, and every front end asks per item: worked out once per type.
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<PropertyInfo>> ByType = new();

    public static IReadOnlyList<PropertyInfo> InOrder(Type resultType) => ByType.GetOrAdd(resultType, Find);

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Front ends list the properties of result types they use; the trimmed native worker never shows results.")]
    private static IReadOnlyList<PropertyInfo> Find(Type resultType)
    {
        var hierarchy = new List<Type>();
        for (var type = resultType; type is not null && type != typeof(object); type = type.BaseType)
            hierarchy.Insert(0, type);
        return hierarchy
            .SelectMany(type => type
                .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                .OrderBy(p => p.MetadataToken))
            .ToList()
            .AsReadOnly();
    }
}
