using System.Management.Automation;
using System.Reflection;

namespace ConcurrencyDemo.Module.Tests;

/// <summary>
/// The cmdlets of the module and their attributes, read with CustomAttributeData: the attributes come from
/// the PowerShellStandard stub, whose code does nothing at run time, so they are never constructed here.
/// </summary>
public static class CmdletMetadata
{
    public static IReadOnlyList<Type> CmdletTypes =>
        ModuleFiles.ModuleAssembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(Cmdlet)) && !t.IsAbstract)
            .ToList();

    public static CustomAttributeData? Find<TAttribute>(MemberInfo member) =>
        member.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType == typeof(TAttribute));

    public static IEnumerable<CustomAttributeData> FindAll<TAttribute>(MemberInfo member) =>
        member.GetCustomAttributesData().Where(a => a.AttributeType == typeof(TAttribute));

    public static (string Verb, string Noun) CmdletName(Type cmdlet)
    {
        var attribute = Find<CmdletAttribute>(cmdlet);
        Assert.True(attribute is not null, $"{cmdlet.Name} has no [Cmdlet] attribute.");
        return ((string)attribute!.ConstructorArguments[0].Value!, (string)attribute.ConstructorArguments[1].Value!);
    }

    public static string CommandName(Type cmdlet)
    {
        var (verb, noun) = CmdletName(cmdlet);
        return $"{verb}-{noun}";
    }

    public static T? Named<T>(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => (T?)a.TypedValue.Value).FirstOrDefault();

    /// <summary>The public properties PowerShell binds as parameters: those with [Parameter].</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Parameters(Type cmdlet) =>
        cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => FindAll<ParameterAttribute>(p).Any())
            .ToDictionary(p => p.Name);

    public static IReadOnlyList<Type> OutputTypes(Type cmdlet) =>
        FindAll<OutputTypeAttribute>(cmdlet)
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value switch
            {
                Type t => [t],
                IEnumerable<CustomAttributeTypedArgument> many => many.Select(m => (Type)m.Value!),
                _ => Array.Empty<Type>(),
            })
            .ToList();
}
