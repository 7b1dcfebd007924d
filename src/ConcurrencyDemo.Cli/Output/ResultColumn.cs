using System.Reflection;
using ConcurrencyDemo.Engine.Results;

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

    /// <summary>The columns of a result type, in the order every front end shows them (see <see cref="ResultProperties"/>).</summary>
    public static IReadOnlyList<ResultColumn> For(Type resultType) =>
        ResultProperties.InOrder(resultType).Select(p => new ResultColumn(p)).ToList();
}
