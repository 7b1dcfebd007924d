using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads.Sleep;

namespace ConcurrencyDemo.Engine.Tests;

public class ResultPropertiesTests
{
    [Fact]
    public void The_common_fields_come_first_in_declaration_order_and_the_workloads_after()
    {
        var common = ResultProperties.InOrder(typeof(ItemResult)).Select(p => p.Name).ToList();
        var sleep = ResultProperties.InOrder(typeof(SleepResult)).Select(p => p.Name).ToList();

        Assert.Equal("RunId", common[0]);
        Assert.Equal(common, sleep.Take(common.Count));
        Assert.Equal(["SleepSeconds"], sleep.Skip(common.Count));
    }
}
