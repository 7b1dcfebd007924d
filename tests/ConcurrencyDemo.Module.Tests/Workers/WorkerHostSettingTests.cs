using ConcurrencyDemo.Workers;

namespace ConcurrencyDemo.Module.Tests;

public class WorkerHostSettingTests
{
    [Theory]
    [InlineData(null, "Automatic")]
    [InlineData("", "Automatic")]
    [InlineData("auto", "Automatic")]
    [InlineData("dotnet", "Dotnet")]
    [InlineData(" DotNet ", "Dotnet")]
    [InlineData("pwsh", "Pwsh")]
    [InlineData("PWSH", "Pwsh")]
    public void Known_values_in_any_case(string? value, string expected)
    {
        // The preference is internal to the module, so the theory names it rather than passing it.
        Assert.Equal(expected, WorkerHostSetting.Parse(value).ToString());
    }

    [Theory]
    [InlineData("powershell")]
    [InlineData("1")]
    public void An_unknown_value_is_an_error_that_names_the_variable_and_the_choices(string value)
    {
        var error = Assert.Throws<WorkerHostSettingException>(() => WorkerHostSetting.Parse(value));
        Assert.Contains("CONCURRENCYDEMO_WORKER_HOST", error.Message);
        Assert.Contains($"'{value}'", error.Message);
        Assert.Contains("'dotnet', 'pwsh' or 'auto'", error.Message);
    }
}
