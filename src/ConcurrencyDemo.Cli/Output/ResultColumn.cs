using System.Reflection;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>
/// One public property of a result type, which is one CSV column and one JSON field. The names are the
/// property names (PascalCase) in both formats, the same as PowerShell's Export-Csv and ConvertTo-Json give.
/// </summary>
public sealed class ResultColumn
{
    private readonly PropertyInfo _property;

    private ResultColumn(PropertyInfo property) => _property = property;

    public string Name => _property.Name;

    public object? GetValue(object result) => _property.GetValue(result);

    /// <summary>The columns of a result type, base class first, each class in declaration order.</summary>
    public static IReadOnlyList<ResultColumn> For(Type resultType)
    {
        var hierarchy = new List<Type>();
        for (var type = resultType; type is not null && type != typeof(object); type = type.BaseType)
            hierarchy.Insert(0, type);
        return hierarchy
            .SelectMany(type => type
                .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                .OrderBy(p => p.MetadataToken))
            .Select(p => new ResultColumn(p))
            .ToList();
    }
}
