using System.Text.Json;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Workloads.Download;

namespace ConcurrencyDemo.Engine.Tests;

public sealed class DownloadPlanTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "plan-test");

    [Fact]
    public void Each_url_gets_a_file_in_the_destination_and_a_temporary_file_tagged_by_the_batch()
    {
        var plan = DownloadPlan.Create(["https://x.example/a.jpg", "https://x.example/photo-1"], Folder, DownloadSettings.Default);

        Assert.Equal([Path.Combine(Folder, "a.jpg"), Path.Combine(Folder, "photo-1")], plan.Items.Select(i => i.Path));
        Assert.Equal([false, true], plan.Items.Select(i => i.ExtensionFromContent));
        Assert.Equal(Path.Combine(Folder, $".a.jpg.{plan.BatchId}.tmp"), plan.Items[0].TemporaryPath);
        Assert.Equal(Path.Combine(Folder, "photo-1.jpg"), plan.Items[1].FinalPath(ImageSignature.Jpeg));
        Assert.NotEqual(plan.BatchId, DownloadPlan.Create(["https://x.example/a.jpg"], Folder, DownloadSettings.Default).BatchId);
    }

    [Theory]
    [InlineData("ftp://x.example/a.jpg", "only http and https")]
    [InlineData("file:///etc/passwd", "not an absolute URL")]
    [InlineData("photos/a.jpg", "not an absolute URL")]
    [InlineData(" ", "empty URL")]
    public void A_url_that_cannot_be_downloaded_is_refused_by_name(string uri, string problem)
    {
        var refused = new List<(string Uri, string Problem)>();
        var plan = DownloadPlan.Create(["https://x.example/ok.jpg", uri], Folder, DownloadSettings.Default, (u, p) => refused.Add((u, p)));

        Assert.Single(plan.Items);
        var (refusedUri, message) = Assert.Single(refused);
        Assert.Equal(uri, refusedUri);
        Assert.Contains(problem, message);
        Assert.Contains(problem, Assert.Throws<ArgumentException>(() => DownloadPlan.Create([uri], Folder, DownloadSettings.Default)).Message);
    }

    [Fact]
    public void The_plan_crosses_the_worker_protocol_whole_zeros_included()
    {
        var settings = new DownloadSettings
        {
            MaximumRetryCount = 0,
            RetryIntervalSeconds = 0,
            ConnectionTimeoutSeconds = 0,
            OperationTimeoutSeconds = 2.5,
            MaximumBytes = 1234,
            Overwrite = true,
        };
        var workload = new DownloadWorkload(DownloadPlan.Create(["https://x.example/a.jpg", "https://x.example/b"], Folder, settings));

        var restored = (DownloadWorkload)ConcurrencyDemo.Engine.Workloads.WorkloadCatalog.Restore(DownloadWorkload.WorkloadName, workload.SaveSettings());

        Assert.Equal(workload.Plan.Items, restored.Plan.Items);
        Assert.Equal(settings, restored.Plan.Settings);
        Assert.Equal(workload.Plan.BatchId, restored.Plan.BatchId);
    }

    [Fact]
    public void A_result_crosses_the_worker_protocol_whole()
    {
        var workload = new DownloadWorkload(DownloadPlan.Create(["https://x.example/a.jpg"], Folder, DownloadSettings.Default));
        var result = new DownloadResult
        {
            Uri = "https://x.example/a.jpg", Path = "/tmp/a.jpg", Bytes = 12, StatusCode = 200, ContentType = "image/jpeg",
            Attempts = 2, Status = DownloadStatus.Downloaded, FirstByteSeconds = 0.2, TransferSeconds = 0.3, Success = true,
        };
        var back = Assert.IsType<DownloadResult>(workload.RestoreResult(workload.SaveResult(result)));
        Assert.Equal(JsonSerializer.Serialize(result), JsonSerializer.Serialize(back));
    }

    [Theory]
    [InlineData(nameof(DownloadSettings.ConnectionTimeoutSeconds))]
    [InlineData(nameof(DownloadSettings.OperationTimeoutSeconds))]
    [InlineData(nameof(DownloadSettings.RetryIntervalSeconds))]
    public void Negative_or_endless_seconds_are_refused_naming_the_setting(string setting)
    {
        var error = Assert.Throws<InvalidSettingException>(() => setting switch
        {
            nameof(DownloadSettings.ConnectionTimeoutSeconds) => new DownloadSettings { ConnectionTimeoutSeconds = -1 },
            nameof(DownloadSettings.OperationTimeoutSeconds) => new DownloadSettings { OperationTimeoutSeconds = double.PositiveInfinity },
            _ => new DownloadSettings { RetryIntervalSeconds = double.NaN },
        });
        Assert.Equal(setting, error.Setting);
    }

    [Fact]
    public void Retries_and_byte_limits_out_of_range_are_refused()
    {
        Assert.Equal(nameof(DownloadSettings.MaximumRetryCount), Assert.Throws<InvalidSettingException>(() => new DownloadSettings { MaximumRetryCount = -1 }).Setting);
        Assert.Equal(nameof(DownloadSettings.MaximumBytes), Assert.Throws<InvalidSettingException>(() => new DownloadSettings { MaximumBytes = 0 }).Setting);
    }

    [Fact]
    public void The_tutorial_batch_is_fifteen_unsplash_photos_named_by_their_ids()
    {
        var plan = DownloadPlan.Create(DownloadWorkload.TutorialUris, Folder, DownloadSettings.Default);
        Assert.Equal(15, plan.Items.Count);
        Assert.Equal("photo-1516117172878-fd2c41f4a759", Path.GetFileName(plan.Items[0].Path));
        Assert.All(plan.Items, i => Assert.True(i.ExtensionFromContent));
    }
}
