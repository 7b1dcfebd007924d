using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Workloads.Sleep;
using ConcurrencyDemo.Messages;

namespace ConcurrencyDemo.Module.Tests;

public class ArgumentErrorMessageTests
{
    [Fact]
    public void A_refused_setting_is_said_about_the_parameter_the_user_typed()
    {
        var engineError = Assert.Throws<InvalidSettingException>(() => SleepWorkload.Create(1, [-1.0]));
        Assert.Equal(SleepWorkload.SecondsSetting, engineError.Setting);
        Assert.DoesNotContain("Parameter", engineError.Message); // nothing .NET appends, nothing the user never typed

        string message = ArgumentErrorMessage.ForParameter("Seconds", engineError.Message);

        Assert.Equal("Invalid -Seconds: Sleep time -1 (item 0) must be a number of seconds from 0 to 86400.", message);
    }
}
