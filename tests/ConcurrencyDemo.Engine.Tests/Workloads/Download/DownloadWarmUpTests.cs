using ConcurrencyDemo.Engine.Workloads.Download;

namespace ConcurrencyDemo.Engine.Tests;

public sealed class DownloadWarmUpTests
{
    [Fact]
    public async Task The_warm_up_exchange_goes_through_a_batchs_client_without_a_server()
    {
        // "warm-up.invalid" cannot resolve: only the in-memory connection can answer.
        Assert.True(await DownloadWarmUp.Start().WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
