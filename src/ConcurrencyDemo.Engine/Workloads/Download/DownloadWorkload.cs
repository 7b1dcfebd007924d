using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.IO;

namespace ConcurrencyDemo.Engine.Workloads.Download;

/// <summary>
/// The tutorial's I/O-bound lesson on a real network: per URL, fetch the image and save it. Sequential,
/// Thread, Pool and Process mode block their threads on the network (<see cref="Execute"/>); Async mode waits
/// without one (<see cref="ExecuteAsync"/>). The workload owns the batch's one HttpClient, made at its first
/// item, so each worker process has its own. Disposing it (front ends do once the batch is over, stopped or
/// not) closes the client and removes any temporary file an item left, such as one a killed worker process
/// was writing.
/// </summary>
public sealed class DownloadWorkload : Workload, IDisposable
{
    public const string WorkloadName = "Download";

    private readonly DownloadPlan _plan;
    private readonly Lazy<ImageDownloader> _downloader;
    private HttpClient? _client;

    public DownloadWorkload(DownloadPlan plan)
    {
        _plan = plan;
        _downloader = new Lazy<ImageDownloader>(() =>
        {
            _client = DownloadClient.Create(plan.Settings, maxConnectionsPerServer: plan.Items.Count);
            return new ImageDownloader(_client, plan.Settings);
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The tutorial's fifteen photos, for front ends given no URL: Unsplash's originals, several MB each,
    /// so the batch takes long enough on a real network for the modes to differ.
    /// </summary>
    public static IReadOnlyList<string> TutorialUris { get; } =
    [
        .. new[]
        {
            "photo-1516117172878-fd2c41f4a759", "photo-1532009324734-20a7a5813719", "photo-1524429656589-6633a470097c",
            "photo-1530224264768-7ff8c1789d79", "photo-1564135624576-c5c88640f235", "photo-1541698444083-023c97d3f4b6",
            "photo-1522364723953-452d3431c267", "photo-1513938709626-033611b8cc03", "photo-1507143550189-fed454f93097",
            "photo-1493976040374-85c8e12f0c0e", "photo-1504198453319-5ce911bafcde", "photo-1530122037265-a5f1f91d3b99",
            "photo-1516972810927-80185027ca84", "photo-1550439062-609e1531270e", "photo-1549692520-acc6669e2f0c",
        }.Select(id => "https://images.unsplash.com/" + id),
    ];

    public DownloadPlan Plan => _plan;

    public override string Name => WorkloadName;

    public override int Count => _plan.Items.Count;

    public override string GetLabel(int index) => Path.GetFileName(_plan.Items[index].Path);

    public override Type ResultType => typeof(DownloadResult);

    public override ItemResult CreateResult(int index) =>
        new DownloadResult { Uri = _plan.Items[index].Uri, Path = _plan.Items[index].Path, Status = DownloadStatus.Failed };

    public override void Execute(int index, ItemResult result, ItemContext context) =>
        _downloader.Value.Download(_plan.Items[index], (DownloadResult)result, context);

    public override Task ExecuteAsync(int index, ItemResult result, ItemContext context) =>
        _downloader.Value.DownloadAsync(_plan.Items[index], (DownloadResult)result, context);

    public override JsonElement SaveSettings() => JsonSerializer.SerializeToElement(_plan, DownloadJson.Default.DownloadPlan);

    public static DownloadWorkload Restore(JsonElement settings) =>
        new(settings.Deserialize(DownloadJson.Default.DownloadPlan) ?? throw new ArgumentException("Empty download settings."));

    protected override JsonTypeInfo ResultJson => DownloadJson.Default.DownloadResult;

    /// <summary>Removes what items may have left: only this batch's own temporary files, which its id names.</summary>
    private void RemoveTemporaryFiles()
    {
        foreach (var item in _plan.Items) AtomicFileWriter.TryDelete(item.TemporaryPath);
    }

    public void Dispose()
    {
        _client?.Dispose();
        RemoveTemporaryFiles();
    }
}
