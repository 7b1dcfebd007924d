using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Workloads.Download;

namespace ConcurrencyDemo.Engine.Tests;

public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy ThreeRetries = new(3, TimeSpan.FromSeconds(1));
    private static readonly AttemptFailure Transient = new(FailureKind.ConnectionFailed, "reset", IsTransient: true);

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(410, false)]
    [InlineData(501, false)]
    public void Only_statuses_that_say_not_now_are_retried(int status, bool retried)
    {
        var failure = AttemptFailure.ForStatus(status, null, null);
        Assert.Equal(retried, failure.IsTransient);
        Assert.Equal(retried, ThreeRetries.Decide(1, failure).Retry);
    }

    [Fact]
    public void Not_found_is_its_own_kind()
    {
        Assert.Equal(FailureKind.NotFound, AttemptFailure.ForStatus(404, "Not Found", null).Kind);
        Assert.Equal(FailureKind.HttpError, AttemptFailure.ForStatus(503, "Service Unavailable", null).Kind);
        Assert.Equal("HTTP 404 Not Found", AttemptFailure.ForStatus(404, "Not Found", null).Reason);
    }

    [Fact]
    public void The_wait_doubles_from_the_interval_and_stops_after_the_retries()
    {
        Assert.Equal([1, 2, 4], Enumerable.Range(1, 3).Select(a => ThreeRetries.Decide(a, Transient).Delay.TotalSeconds));
        Assert.False(ThreeRetries.Decide(4, Transient).Retry);
    }

    [Fact]
    public void The_wait_never_exceeds_the_cap()
    {
        var policy = new RetryPolicy(100, TimeSpan.FromSeconds(10));
        Assert.Equal(RetryPolicy.MaxDelay, policy.Decide(40, Transient).Delay);
    }

    [Fact]
    public void Retry_After_replaces_the_backoff()
    {
        var failure = AttemptFailure.ForStatus(503, null, TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.FromSeconds(7), ThreeRetries.Decide(1, failure).Delay);
        Assert.Equal(TimeSpan.Zero, ThreeRetries.Decide(1, AttemptFailure.ForStatus(429, null, TimeSpan.FromSeconds(-3))).Delay);
    }

    [Fact]
    public void A_Retry_After_longer_than_the_cap_is_not_waited_for()
    {
        var decision = ThreeRetries.Decide(1, AttemptFailure.ForStatus(503, null, TimeSpan.FromHours(1)));
        Assert.False(decision.Retry);
        Assert.Contains("3600 s", decision.Reason);
    }

    [Fact]
    public void No_retries_means_one_attempt() =>
        Assert.False(new RetryPolicy(0, TimeSpan.FromSeconds(1)).Decide(1, Transient).Retry);

    [Fact]
    public void A_failure_that_would_repeat_is_never_retried() =>
        Assert.False(ThreeRetries.Decide(1, new AttemptFailure(FailureKind.InvalidInput, "not an image", IsTransient: false)).Retry);
}
