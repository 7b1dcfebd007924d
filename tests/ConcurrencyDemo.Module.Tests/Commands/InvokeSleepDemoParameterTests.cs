using System.Management.Automation;
using System.Reflection;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Workloads.Sleep;
using ConcurrencyDemo.Commands;

namespace ConcurrencyDemo.Module.Tests;

public class InvokeSleepDemoParameterTests
{
    private static readonly Type Cmdlet = typeof(InvokeSleepDemoCommand);

    private static PropertyInfo Parameter(string name)
    {
        Assert.True(CmdletMetadata.Parameters(Cmdlet).TryGetValue(name, out var property), $"Invoke-SleepDemo has no -{name}.");
        return property!;
    }

    private static CustomAttributeData ParameterDeclaration(string name) =>
        CmdletMetadata.FindAll<ParameterAttribute>(Parameter(name)).Single();

    private static (object? Min, object? Max) Range(string name)
    {
        var range = CmdletMetadata.Find<ValidateRangeAttribute>(Parameter(name));
        Assert.True(range is not null, $"-{name} has no [ValidateRange].");
        return (range!.ConstructorArguments[0].Value, range.ConstructorArguments[1].Value);
    }

    [Fact]
    public void It_has_exactly_the_documented_parameters()
    {
        Assert.Equal(
            new[] { "Count", "Mode", "Ordered", "Seconds", "Steps", "ThrottleLimit" },
            CmdletMetadata.Parameters(Cmdlet).Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("Count", typeof(int))]
    [InlineData("Seconds", typeof(double[]))]
    [InlineData("Mode", typeof(ExecutionMode[]))]
    [InlineData("ThrottleLimit", typeof(int))]
    [InlineData("Ordered", typeof(SwitchParameter))]
    [InlineData("Steps", typeof(int))]
    public void Each_parameter_has_its_type(string name, Type type)
    {
        Assert.Equal(type, Parameter(name).PropertyType);
    }

    [Fact]
    public void Seconds_takes_pipeline_input_by_value_and_by_property_name_SleepSeconds()
    {
        var attribute = ParameterDeclaration("Seconds");
        Assert.True(CmdletMetadata.Named<bool>(attribute, nameof(ParameterAttribute.ValueFromPipeline)));
        Assert.True(CmdletMetadata.Named<bool>(attribute, nameof(ParameterAttribute.ValueFromPipelineByPropertyName)));
        Assert.Equal(0, CmdletMetadata.Named<int>(attribute, nameof(ParameterAttribute.Position)));

        var alias = CmdletMetadata.Find<AliasAttribute>(Parameter("Seconds"));
        Assert.NotNull(alias);
        var names = ((IEnumerable<CustomAttributeTypedArgument>)alias!.ConstructorArguments[0].Value!).Select(a => (string)a.Value!);
        // The result's property: piping results (or Import-Csv of them) runs the same sleeps again.
        Assert.Contains(nameof(ConcurrencyDemo.Engine.Workloads.Sleep.SleepResult.SleepSeconds), names);
    }

    [Theory]
    [InlineData("Count")]
    [InlineData("Mode")]
    [InlineData("ThrottleLimit")]
    [InlineData("Ordered")]
    [InlineData("Steps")]
    public void Only_Seconds_binds_from_the_pipeline(string name)
    {
        // Results carry Mode and ThrottleLimit properties: binding them by property name would change the run per record.
        var attribute = ParameterDeclaration(name);
        Assert.False(CmdletMetadata.Named<bool>(attribute, nameof(ParameterAttribute.ValueFromPipeline)));
        Assert.False(CmdletMetadata.Named<bool>(attribute, nameof(ParameterAttribute.ValueFromPipelineByPropertyName)));
        Assert.False(CmdletMetadata.Named<bool>(attribute, nameof(ParameterAttribute.Mandatory)));
    }

    [Fact]
    public void Count_and_ThrottleLimit_reject_negative_numbers_before_the_cmdlet_runs()
    {
        Assert.Equal((0, int.MaxValue), Range("Count"));
        Assert.Equal((0, int.MaxValue), Range("ThrottleLimit"));
    }

    [Fact]
    public void Steps_is_one_by_default_and_at_most_the_engine_maximum()
    {
        Assert.Equal((1, SleepWorkload.MaxSteps), Range("Steps"));
        Assert.Equal(1, new InvokeSleepDemoCommand().Steps);
    }

    [Fact]
    public void Seconds_is_validated_as_doubles_from_zero_to_the_engine_maximum()
    {
        // Doubles, not ints: PowerShell compares the range's own type with each element.
        Assert.Equal((0.0, SleepWorkload.MaxSeconds), Range("Seconds"));
    }

    [Fact]
    public void Mode_cannot_be_empty_and_defaults_to_Sequential()
    {
        Assert.NotNull(CmdletMetadata.Find<ValidateNotNullOrEmptyAttribute>(Parameter("Mode")));
        var cmdlet = new InvokeSleepDemoCommand();
        Assert.Equal(new[] { ExecutionMode.Sequential }, cmdlet.Mode);
        Assert.Equal(10, cmdlet.Count);
        Assert.Equal(0, cmdlet.ThrottleLimit);
        Assert.Null(cmdlet.Seconds);
    }

    [Fact]
    public void The_shared_parameters_live_on_the_batch_base_class()
    {
        foreach (string name in new[] { "Mode", "ThrottleLimit", "Ordered" })
            Assert.Equal(typeof(BatchCmdletBase), Parameter(name).DeclaringType);
        Assert.True(typeof(BatchCmdletBase).IsSubclassOf(typeof(PSCmdlet)));
    }
}
