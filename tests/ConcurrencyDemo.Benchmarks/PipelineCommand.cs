using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ConcurrencyDemo.Imaging.Pipeline;
using ConcurrencyDemo.Tests.Common;

namespace ConcurrencyDemo.Benchmarks;

/// <summary>
/// The tutorial's CPU-bound pipeline (decode, GaussianBlur, thumbnail, JPEG encode), single-threaded,
/// ours in process and Pillow (Debian's python3-pil, tests/tools/pillow_pipeline.py) on the same files in
/// the same run, both from bytes already read and into memory, after a warm-up, median of several runs.
/// The acceptance bar is our whole pipeline taking at most Pillow's time.
/// </summary>
public sealed class PipelineCommand : IBenchmarkCommand
{
    private static readonly string[] Stages = ["decode", "blur", "thumbnail", "encode", "total"];

    public string Name => "pipeline";
    public string Usage => "[--photos DIR|FILE] [--repeat N] [--blur-radius R] [--max-size N]   blur+thumbnail pipeline, ours vs Pillow (default: all of ../shared/photos)";

    public int Run(string[] arguments)
    {
        string? photos = null;
        int repeat = 3;
        float radius = 15;
        int maxSize = 1200;
        for (int i = 0; i < arguments.Length; i++)
        {
            string? value = i + 1 < arguments.Length ? arguments[i + 1] : null;
            switch (arguments[i])
            {
                case "--photos" when value is not null: photos = value; i++; break;
                case "--repeat" when int.TryParse(value, out int n) && n > 0: repeat = n; i++; break;
                case "--blur-radius" when float.TryParse(value, CultureInfo.InvariantCulture, out float r) && r >= 0: radius = r; i++; break;
                case "--max-size" when int.TryParse(value, out int m) && m >= 0: maxSize = m; i++; break;
                default: throw new ArgumentException($"pipeline: unexpected argument '{arguments[i]}'. Usage: pipeline {Usage}");
            }
        }
        List<string>? files = PhotoSet.Resolve(photos);
        if (files is null) return 1;

        var options = PhotoConversionOptions.Default with { BlurRadius = radius, MaxSize = maxSize };
        Console.WriteLine($"{files.Count} photo(s), blur {radius}, thumbnail {maxSize}, JPEG q{options.Quality}; warm-up 1, repeat {repeat}, median per photo; single thread; SIMD {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}");
        var ours = files.Select(f => MeasureOurs(f, options, repeat)).ToList();
        List<PhotoTimings>? pillow = MeasurePillow(files, radius, maxSize, repeat);

        Console.WriteLine();
        Console.WriteLine($"{"photo",-38} {"MP",5} | {"ours ms median/min/max",24} | {"Pillow ms median/min/max",24} | ours/Pillow");
        for (int i = 0; i < files.Count; i++)
        {
            var o = ours[i].Total;
            string theirs = pillow is null ? "n/a" : Format(pillow[i].Total);
            string ratio = pillow is null ? "n/a" : $"{o.Median / pillow[i].Total.Median:0.00}";
            Console.WriteLine($"{Shorten(Path.GetFileName(files[i]), 38),-38} {ours[i].Megapixels,5:0.0} | {Format(o),24} | {theirs,24} | {ratio}");
        }

        double megapixels = ours.Sum(p => p.Megapixels);
        Console.WriteLine();
        Console.WriteLine($"Sum of per-photo medians over {megapixels:0.0} MP:");
        Console.WriteLine($"{"stage",-10} | {"ours s",8} {"MP/s",7} | {"Pillow s",8} {"MP/s",7} | ours/Pillow time");
        foreach (string stage in Stages)
        {
            double oursSeconds = ours.Sum(p => p.Stage(stage).Median) / 1000;
            string line = $"{stage,-10} | {oursSeconds,8:0.000} {megapixels / oursSeconds,7:0.0} | ";
            if (pillow is not null)
            {
                double theirSeconds = pillow.Sum(p => p.Stage(stage).Median) / 1000;
                line += $"{theirSeconds,8:0.000} {megapixels / theirSeconds,7:0.0} | {oursSeconds / theirSeconds:0.00}";
            }
            else
            {
                line += $"{"n/a",8} {"",7} |";
            }
            Console.WriteLine(line);
        }
        if (pillow is null) Console.WriteLine("Pillow not found (/usr/bin/python3 with python3-pil): showing our figures only.");
        return 0;
    }

    private static PhotoTimings MeasureOurs(string file, PhotoConversionOptions options, int repeat)
    {
        byte[] data = File.ReadAllBytes(file);
        var runs = new List<PhotoConversionResult>();
        var totals = new List<double>();
        for (int i = 0; i < repeat + 1; i++)
        {
            using var output = new MemoryStream();
            long start = Stopwatch.GetTimestamp();
            var result = PhotoConversion.Convert(data, output, options);
            double total = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i == 0) continue; // warm-up
            runs.Add(result);
            totals.Add(total);
        }
        var first = runs[0];
        return new PhotoTimings(first.SourceWidth * (double)first.SourceHeight / 1e6, new Dictionary<string, Timings>
        {
            ["decode"] = Timings.Of(runs.Select(r => r.DecodeSeconds * 1000).ToList()),
            ["blur"] = Timings.Of(runs.Select(r => r.BlurSeconds * 1000).ToList()),
            ["thumbnail"] = Timings.Of(runs.Select(r => r.ThumbnailSeconds * 1000).ToList()),
            ["encode"] = Timings.Of(runs.Select(r => r.EncodeSeconds * 1000).ToList()),
            ["total"] = Timings.Of(totals),
        });
    }

    private static List<PhotoTimings>? MeasurePillow(List<string> files, float radius, int maxSize, int repeat)
    {
        string? python = ExternalTool.PythonWithPil;
        if (python is null) return null;
        string script = Path.Combine(TestPaths.RepositoryRoot, "tests", "tools", "pillow_pipeline.py");
        var run = ExternalTool.Run(python,
            [script, "--radius", radius.ToString(CultureInfo.InvariantCulture), "--max-size", maxSize.ToString(CultureInfo.InvariantCulture),
             "--warmup", "1", "--repeat", repeat.ToString(CultureInfo.InvariantCulture), .. files],
            timeoutMs: 3_600_000);
        if (run.ExitCode != 0) throw new InvalidOperationException($"Pillow pipeline failed: {run.Stderr}");
        var byFile = new Dictionary<string, PhotoTimings>();
        foreach (string line in System.Text.Encoding.UTF8.GetString(run.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var seconds = root.GetProperty("seconds");
            byFile[root.GetProperty("file").GetString()!] = new PhotoTimings(
                root.GetProperty("width").GetInt32() * (double)root.GetProperty("height").GetInt32() / 1e6,
                Stages.ToDictionary(s => s, s => Timings.Of(seconds.GetProperty(s).EnumerateArray().Select(v => v.GetDouble() * 1000).ToList())));
        }
        return files.Select(f => byFile[f]).ToList();
    }

    private static string Format(Timings t) => $"{t.Median,8:0.0} {t.Min,7:0.0} {t.Max,7:0.0}";

    private static string Shorten(string name, int width) => name.Length <= width ? name : name[..(width - 3)] + "...";

    private sealed record PhotoTimings(double Megapixels, Dictionary<string, Timings> Stages)
    {
        public Timings Total => Stages["total"];
        public Timings Stage(string name) => Stages[name];
    }
}
