using System.Diagnostics;
using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Tests.Common;

namespace ConcurrencyDemo.Benchmarks;

/// <summary>
/// Compares our JPEG decoder with libjpeg-turbo's djpeg on the same files in the same run: ours in
/// process (after warm-up, from bytes in memory), djpeg as a process writing to /dev/null, both the
/// median of several runs. The acceptance bar is ours reaching half of djpeg's megapixels per second.
/// </summary>
public sealed class DecodeCommand : IBenchmarkCommand
{
    public string Name => "decode";
    public string Usage => "[--photos DIR|FILE] [--repeat N]   JPEG decode speed, ours vs djpeg (default: the largest photo in ../shared/photos)";

    public int Run(string[] arguments)
    {
        string? photos = null;
        int repeat = 7;
        for (int i = 0; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
                case "--photos" when i + 1 < arguments.Length:
                    photos = arguments[++i];
                    break;
                case "--repeat" when i + 1 < arguments.Length && int.TryParse(arguments[i + 1], out int n) && n > 0:
                    repeat = n;
                    i++;
                    break;
                default:
                    throw new ArgumentException($"decode: unexpected argument '{arguments[i]}'. Usage: decode {Usage}");
            }
        }

        List<string>? files = PhotoSet.Resolve(photos);
        if (files is null) return 1;
        // By default only the largest photo: the acceptance figure is measured on it.
        if (photos is null) files = files.OrderByDescending(f => new FileInfo(f).Length).Take(1).ToList();

        string? djpeg = ExternalTool.Djpeg;
        if (djpeg is null) Console.WriteLine("djpeg not found (/usr/bin/djpeg): showing our figures only.");
        Console.WriteLine($"repeat {repeat}, Release build: {IsOptimized()}, SIMD: {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}");
        Console.WriteLine($"{"file",-40} {"size",9} {"MP",6} | {"ours median/min/max ms",24} {"MP/s",7} | {"djpeg median/min/max ms",24} {"MP/s",7} | ours/djpeg");
        foreach (string file in files)
            Measure(file, repeat, djpeg);
        return 0;
    }

    private static void Measure(string file, int repeat, string? djpeg)
    {
        byte[] data = File.ReadAllBytes(file);
        JpegInfo info = JpegDecoder.Identify(data);
        double megapixels = (double)info.Width * info.Height / 1e6;

        for (int i = 0; i < 2; i++)
            JpegDecoder.Decode(data).Dispose();
        var ours = new List<double>();
        for (int i = 0; i < repeat; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            using ImageBuffer image = JpegDecoder.Decode(data);
            ours.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        Timings oursTimings = Timings.Of(ours);
        double oursRate = megapixels / (oursTimings.Median / 1000);

        string djpegText = "n/a";
        string ratioText = "n/a";
        if (djpeg is not null)
        {
            ExternalTool.Run(djpeg, ["-outfile", "/dev/null", file]); // warm the page cache
            var theirs = new List<double>();
            for (int i = 0; i < repeat; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                var result = ExternalTool.Run(djpeg, ["-outfile", "/dev/null", file]);
                theirs.Add(stopwatch.Elapsed.TotalMilliseconds);
                if (result.ExitCode != 0) throw new InvalidOperationException($"djpeg failed on {file}: {result.Stderr}");
            }
            Timings theirTimings = Timings.Of(theirs);
            double theirRate = megapixels / (theirTimings.Median / 1000);
            djpegText = $"{theirTimings.Median,8:F1} {theirTimings.Min,7:F1} {theirTimings.Max,7:F1} {theirRate,7:F1}";
            ratioText = $"{oursRate / theirRate:P0}";
        }
        else
        {
            djpegText = $"{djpegText,32}";
        }
        string name = Path.GetFileName(file);
        if (name.Length > 40) name = name[..37] + "...";
        Console.WriteLine($"{name,-40} {data.Length / 1024.0,7:F0}KB {megapixels,6:F1} | {oursTimings.Median,8:F1} {oursTimings.Min,7:F1} {oursTimings.Max,7:F1} {oursRate,7:F1} | {djpegText} | {ratioText}{(info.IsProgressive ? "  (progressive)" : "  (baseline)")}");
    }

    private static bool IsOptimized() =>
        typeof(JpegDecoder).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().All(a => !a.IsJITOptimizerDisabled);
}
