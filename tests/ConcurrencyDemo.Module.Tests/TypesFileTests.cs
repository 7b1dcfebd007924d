using System.Xml.Linq;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Results;

namespace ConcurrencyDemo.Module.Tests;

public class TypesFileTests
{
    private static readonly XDocument Types = XDocument.Load(Path.Combine(ModuleFiles.SourceDirectory, "ConcurrencyDemo.Types.ps1xml"));

    [Fact]
    public void Every_result_type_shows_its_properties_through_the_ordering_adapter()
    {
        // PowerShell looks a type adapter up by the object's exact type, so each concrete result type needs its entry.
        var adapted = Types.Root!.Elements("Type")
            .Where(t => t.Element("TypeAdapter")?.Element("TypeName")?.Value.Trim() == typeof(ResultPropertyAdapter).FullName)
            .Select(t => t.Element("Name")!.Value.Trim())
            .ToHashSet();
        var resultTypes = typeof(ItemResult).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ItemResult)) && !t.IsAbstract && t.IsPublic)
            .ToList();
        Assert.NotEmpty(resultTypes);
        foreach (var type in resultTypes)
            Assert.True(adapted.Contains(type.FullName!), $"{type.FullName} has no TypeAdapter entry in ConcurrencyDemo.Types.ps1xml.");
    }

    [Fact]
    public void The_staged_manifest_loads_the_types_file()
    {
        Assert.Contains("ConcurrencyDemo.Types.ps1xml", ModuleFiles.ManifestArray("TypesToProcess"));
    }
}
