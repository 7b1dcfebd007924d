using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Reflection;
using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Results;

/// <summary>
/// Shows a result's properties to PowerShell in the engine's one order (<see cref="ResultProperties"/>): the
/// common timing fields first, the workload's after, as the CLI's CSV has them. PowerShell's own .NET adapter
/// lists a derived class's properties first, so Export-Csv would otherwise start with the workload's fields.
/// Registered for each result type in ConcurrencyDemo.Types.ps1xml; the objects stay what they are.
/// </summary>
public sealed class ResultPropertyAdapter : PSPropertyAdapter
{
    private static readonly ConcurrentDictionary<Type, PropertyTable> ByType = new();

    public override Collection<PSAdaptedProperty> GetProperties(object baseObject) =>
        new(PropertiesOf(baseObject).InOrder.Select(p => new PSAdaptedProperty(p.Name, p)).ToList());

    public override PSAdaptedProperty? GetProperty(object baseObject, string propertyName) =>
        PropertiesOf(baseObject).TryGetValue(propertyName, out var property) ? new PSAdaptedProperty(property.Name, property) : null;

    public override bool IsGettable(PSAdaptedProperty adaptedProperty) => true;

    public override bool IsSettable(PSAdaptedProperty adaptedProperty) => Info(adaptedProperty).CanWrite;

    public override object? GetPropertyValue(PSAdaptedProperty adaptedProperty) =>
        Info(adaptedProperty).GetValue(adaptedProperty.BaseObject);

    public override void SetPropertyValue(PSAdaptedProperty adaptedProperty, object value)
    {
        var property = Info(adaptedProperty);
        property.SetValue(adaptedProperty.BaseObject, LanguagePrimitives.ConvertTo(value, property.PropertyType));
    }

    public override string GetPropertyTypeName(PSAdaptedProperty adaptedProperty) => Info(adaptedProperty).PropertyType.FullName ?? "";

    private static PropertyInfo Info(PSAdaptedProperty adaptedProperty) => (PropertyInfo)adaptedProperty.Tag;

    private static PropertyTable PropertiesOf(object baseObject) =>
        ByType.GetOrAdd(baseObject.GetType(), static type => new PropertyTable(ResultProperties.InOrder(type)));

    /// <summary>The properties in order, and by name without regard to case, as PowerShell names them.</summary>
    private sealed class PropertyTable(IReadOnlyList<PropertyInfo> inOrder)
    {
        private readonly Dictionary<string, PropertyInfo> _byName = inOrder.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

        public IReadOnlyList<PropertyInfo> InOrder => inOrder;

        public bool TryGetValue(string name, out PropertyInfo property) => _byName.TryGetValue(name, out property!);
    }
}
