using ConcurrencyDemo.Engine.Workloads;
using ConcurrencyDemo.Messages;

namespace ConcurrencyDemo.Module.Tests;

public class ArgumentErrorMessageTests
{
    [Fact]
    public void The_engine_argument_name_and_actual_value_tail_are_cut()
    {
        var engineError = Assert.ThrowsAny<ArgumentException>(() => SleepWorkload.Create(1, [-1.0]));
        Assert.Contains("(Parameter 'seconds')", engineError.Message); // what .NET adds, and the user never typed

        string message = ArgumentErrorMessage.ForParameter("Seconds", engineError);

        Assert.Equal("Invalid -Seconds: Sleep time -1 (item 0) must be a number of seconds from 0 to 86400.", message);
    }

    [Fact]
    public void A_message_without_a_parameter_name_is_kept_whole()
    {
        Assert.Equal("Invalid -Count: Too many.", ArgumentErrorMessage.ForParameter("Count", new ArgumentException("Too many.")));
    }
}
