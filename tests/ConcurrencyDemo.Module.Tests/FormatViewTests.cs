using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads.Sleep;
using ConcurrencyDemo.Timelines.Measuring;

namespace ConcurrencyDemo.Module.Tests;

public class FormatViewTests
{
    private static readonly XDocument Format = XDocument.Load(ModuleFiles.FormatFilePath);

    private static IEnumerable<XElement> Views => Format.Root!.Element("ViewDefinitions")!.Elements("View");

    private static Type ResolveType(string name) =>
        typeof(ItemResult).Assembly.GetType(name) ?? ModuleFiles.ModuleAssembly.GetType(name) ?? typeof(RunMeasurement).Assembly.GetType(name)
        ?? throw new Xunit.Sdk.XunitException($"The format file selects '{name}', which is no type of the module, the engine or the timelines.");

    /// <summary>Our own output types; strings and files are PowerShell's to show.</summary>
    private static bool IsOurs(Type type) => type.Assembly.GetName().Name!.StartsWith("ConcurrencyDemo", StringComparison.Ordinal);

    [Fact]
    public void Every_output_type_has_a_default_table_view()
    {
        var tableTypes = Views.Where(v => v.Element("TableControl") is not null)
            .SelectMany(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value.Trim()))
            .ToHashSet();
        var outputTypes = CmdletMetadata.CmdletTypes.SelectMany(CmdletMetadata.OutputTypes).Where(IsOurs).Distinct().ToList();
        Assert.NotEmpty(outputTypes);
        foreach (var type in outputTypes)
            Assert.True(tableTypes.Contains(type.FullName!), $"{type.FullName} has no table view in ConcurrencyDemo.Format.ps1xml.");
    }

    [Fact]
    public void The_base_result_type_has_a_fallback_view()
    {
        // A later result type without a view of its own still prints as a table of its common columns.
        Assert.Contains(Views, v => v.Element("ViewSelectedBy")!.Elements("TypeName").Any(t => t.Value.Trim() == typeof(ItemResult).FullName));
    }

    [Fact]
    public void Every_column_names_a_real_property_and_fits_its_header()
    {
        foreach (var view in Views)
        {
            var type = ResolveType(view.Element("ViewSelectedBy")!.Element("TypeName")!.Value.Trim());
            var table = view.Element("TableControl")!;
            var headers = table.Element("TableHeaders")!.Elements("TableColumnHeader").ToList();
            var items = table.Element("TableRowEntries")!.Element("TableRowEntry")!.Element("TableColumnItems")!.Elements("TableColumnItem").ToList();
            Assert.Equal(headers.Count, items.Count);
            foreach (var item in items)
            {
                // A column is a property, or a script block over properties ($_.Name) that words a value.
                var properties = item.Element("PropertyName") is { } name
                    ? [name.Value.Trim()]
                    : System.Text.RegularExpressions.Regex.Matches(item.Element("ScriptBlock")!.Value, @"\$_\.(\w+)").Select(m => m.Groups[1].Value).ToList();
                Assert.NotEmpty(properties);
                foreach (string property in properties)
                    Assert.True(type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance) is not null, $"{type.Name} has no property {property}.");
            }
            foreach (var header in headers)
            {
                string label = header.Element("Label")!.Value;
                int width = int.Parse(header.Element("Width")!.Value, CultureInfo.InvariantCulture);
                Assert.True(label.Length <= width, $"{type.Name}: header '{label}' is wider than its column ({width}).");
                Assert.Contains(header.Element("Alignment")!.Value, new[] { "Left", "Right", "Center" });
            }
            // Wider than the terminal and PowerShell silently drops the rightmost columns; Get-Help indents example
            // output by four: fit 80 columns with that indent.
            int total = headers.Sum(h => int.Parse(h.Element("Width")!.Value, CultureInfo.InvariantCulture)) + headers.Count - 1;
            Assert.True(total <= 75, $"{type.Name}'s table is {total} characters wide.");
        }
    }

    [Fact]
    public void Seconds_columns_show_milliseconds()
    {
        var sleepView = Views.Single(v => v.Element("Name")!.Value == typeof(SleepResult).FullName);
        var formatted = sleepView.Descendants("TableColumnItem")
            .Where(i => i.Element("PropertyName")!.Value.EndsWith("Seconds", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(3, formatted.Count); // SleepSeconds, StartSeconds, EndSeconds
        foreach (var item in formatted)
        {
            string format = item.Element("FormatString")!.Value;
            Assert.Equal("1.235", string.Format(CultureInfo.InvariantCulture, format, 1.23456));
        }
    }

    [Fact]
    public void Views_of_results_are_grouped_by_run()
    {
        foreach (var view in Views.Where(v => typeof(ItemResult).IsAssignableFrom(ResolveType(v.Element("ViewSelectedBy")!.Element("TypeName")!.Value.Trim()))))
        {
            var groupBy = view.Element("GroupBy");
            Assert.NotNull(groupBy);
            Assert.Contains("RunId", groupBy!.Element("ScriptBlock")!.Value);
            Assert.Equal(view.Element("TableControl"), groupBy.ElementsAfterSelf().First());
        }
    }

    [Fact]
    public void Measurements_are_a_table_per_workload_with_the_figures_that_compare_runs()
    {
        var view = Views.Single(v => v.Element("Name")!.Value == typeof(RunMeasurement).FullName);

        Assert.Equal("Workload", view.Element("GroupBy")!.Element("PropertyName")!.Value);
        var properties = view.Descendants("TableColumnItem").Select(i => i.Element("PropertyName")!.Value).ToList();
        foreach (string property in new[] { "Mode", "ThrottleLimit", "ElapsedSeconds", "SpeedUp", "WorkerStartupSeconds" })
            Assert.Contains(property, properties);
    }
}
