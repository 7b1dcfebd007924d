using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Imaging;
using ConcurrencyDemo.Imaging.Pipeline;
using ConcurrencyDemo.IO;

namespace ConcurrencyDemo.Engine.Workloads.Convert;

/// <summary>
/// The tutorial's CPU-bound lesson: per photo, decode, Gaussian blur, thumbnail, encode. Paths are
/// full paths by the time they get here: front ends resolve them against their own current location.
/// </summary>
public sealed class ConvertWorkload : Workload
{
    public const string WorkloadName = "Convert";

    private readonly ConvertPlan _plan;

    public ConvertWorkload(ConvertPlan plan)
    {
        _plan = plan;
    }

    public override string Name => WorkloadName;

    public override bool IsCpuBound => true;

    public override int Count => _plan.Items.Count;

    public override string GetLabel(int index) => Path.GetFileName(_plan.Items[index].InputPath);

    public override Type ResultType => typeof(ConvertResult);

    public override ItemResult CreateResult(int index) =>
        new ConvertResult { InputPath = _plan.Items[index].InputPath, OutputPath = _plan.Items[index].OutputPath };

    public override void Execute(int index, ItemResult result, ItemContext context)
    {
        var item = _plan.Items[index];
        var converted = (ConvertResult)result;
        context.Log($"Converting {item.InputPath} -> {item.OutputPath}");
        PhotoConversionResult stages;
        try
        {
            stages = PhotoConversion.ConvertFile(item.InputPath, item.OutputPath, _plan.Options, _plan.Overwrite, context.CancellationToken);
        }
        catch (Exception ex) when (ex is InvalidImageException or IOException or UnauthorizedAccessException)
        {
            // The codec's message names the problem; the file name makes it actionable.
            // The pipeline refuses an existing output before it reads the photo; replacing it takes -Force / --force.
            var kind = ex is FileExistsException ? FailureKind.OutputExists : FailureKind.InvalidInput;
            throw new ItemFailureException(kind, $"'{item.InputPath}': {ex.Message}", ex);
        }
        converted.SourceWidth = stages.SourceWidth;
        converted.SourceHeight = stages.SourceHeight;
        converted.OutputWidth = stages.OutputWidth;
        converted.OutputHeight = stages.OutputHeight;
        converted.Megapixels = stages.SourceWidth * (double)stages.SourceHeight / 1e6;
        converted.InputBytes = stages.InputBytes;
        converted.OutputBytes = stages.OutputBytes;
        converted.ReadSeconds = stages.ReadSeconds;
        converted.DecodeSeconds = stages.DecodeSeconds;
        converted.BlurSeconds = stages.BlurSeconds;
        converted.ThumbnailSeconds = stages.ThumbnailSeconds;
        converted.EncodeSeconds = stages.EncodeSeconds;
        converted.WriteSeconds = stages.WriteSeconds;
        context.Log($"Converted {Path.GetFileName(item.InputPath)} ({stages.SourceWidth}x{stages.SourceHeight} -> {stages.OutputWidth}x{stages.OutputHeight})");
    }

    public override JsonElement SaveSettings() => JsonSerializer.SerializeToElement(_plan, ConvertJson.Default.ConvertPlan);

    public static ConvertWorkload Restore(JsonElement settings) =>
        new(settings.Deserialize(ConvertJson.Default.ConvertPlan) ?? throw new ArgumentException("Empty convert settings."));

    protected override JsonTypeInfo ResultJson => ConvertJson.Default.ConvertResult;
}
