using System.Management.Automation;
using ConcurrencyDemo.Commands;
using ConcurrencyDemo.Timelines.Files;
using ConcurrencyDemo.Timelines.Measuring;

namespace ConcurrencyDemo.Module.Tests;

/// <summary>The cmdlets that measure and draw runs: what they take, what they write, and their parameters.</summary>
public class TimelineCmdletTests
{
    public static TheoryData<Type> TimelineCmdlets => new(typeof(MeasureConcurrencyRunCommand), typeof(ShowConcurrencyTimelineCommand), typeof(ExportConcurrencyTimelineCommand));

    [Theory]
    [MemberData(nameof(TimelineCmdlets))]
    public void Each_takes_whole_objects_from_the_pipeline_as_InputObject(Type cmdlet)
    {
        var parameter = CmdletMetadata.Parameters(cmdlet)["InputObject"];
        var attribute = CmdletMetadata.FindAll<ParameterAttribute>(parameter).Single();

        Assert.Equal(typeof(PSObject[]), parameter.PropertyType);
        Assert.True(CmdletMetadata.Named<bool>(attribute, nameof(ParameterAttribute.ValueFromPipeline)));
        // Not mandatory: with nothing piped in there is nothing to do, rather than a prompt.
        Assert.False(CmdletMetadata.Named<bool>(attribute, nameof(ParameterAttribute.Mandatory)));
        Assert.True(cmdlet.IsSubclassOf(typeof(TimelineCmdletBase)));
    }

    [Fact]
    public void Their_names_and_outputs()
    {
        Assert.Equal("Measure-ConcurrencyRun", CmdletMetadata.CommandName(typeof(MeasureConcurrencyRunCommand)));
        Assert.Equal([typeof(RunMeasurement)], CmdletMetadata.OutputTypes(typeof(MeasureConcurrencyRunCommand)));
        Assert.Equal("Show-ConcurrencyTimeline", CmdletMetadata.CommandName(typeof(ShowConcurrencyTimelineCommand)));
        Assert.Equal([typeof(string)], CmdletMetadata.OutputTypes(typeof(ShowConcurrencyTimelineCommand)));
        Assert.Equal("Export-ConcurrencyTimeline", CmdletMetadata.CommandName(typeof(ExportConcurrencyTimelineCommand)));
        Assert.Equal([typeof(FileInfo)], CmdletMetadata.OutputTypes(typeof(ExportConcurrencyTimelineCommand)));
    }

    [Fact]
    public void Export_has_the_file_parameters_of_Export_Csv()
    {
        var parameters = CmdletMetadata.Parameters(typeof(ExportConcurrencyTimelineCommand));

        Assert.Equal(
            ["Force", "Format", "InputObject", "LiteralPath", "NoClobber", "PassThru", "Path"],
            parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(typeof(TimelineFileFormat), parameters["Format"].PropertyType);
        var literalAliases = CmdletMetadata.Find<AliasAttribute>(parameters["LiteralPath"])!.ConstructorArguments[0].Value as IEnumerable<System.Reflection.CustomAttributeTypedArgument>;
        Assert.Contains("PSPath", literalAliases!.Select(a => (string)a.Value!));
        Assert.Equal(0, CmdletMetadata.Named<int>(CmdletMetadata.FindAll<ParameterAttribute>(parameters["Path"]).Single(), nameof(ParameterAttribute.Position)));
    }

    [Fact]
    public void Show_takes_a_width_no_narrower_than_a_chart_can_be()
    {
        var width = CmdletMetadata.Parameters(typeof(ShowConcurrencyTimelineCommand))["Width"];
        var range = CmdletMetadata.Find<ValidateRangeAttribute>(width)!;

        Assert.Equal(ConcurrencyDemo.Timelines.Terminal.TerminalChart.MinimumWidth, range.ConstructorArguments[0].Value);
    }
}
