using System.Diagnostics;
using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Pipeline;

namespace ConcurrencyDemo.Benchmarks;

/// <summary>
/// Peak memory of converting one photo (decode, blur 15, thumbnail 1200, encode), as a multiple of the
/// photo's decoded RGB size. Each photo runs in a fresh child process so that earlier photos' pooled
/// buffers do not hide its own: the figure is the child's peak resident set (VmHWM) minus its resident
/// set just before the conversion. Linux only (it reads /proc/self/status).
/// </summary>
public sealed class MemoryCommand : IBenchmarkCommand
{
    private const string ChildCommand = "memory-child";

    public string Name => "memory";
    public string Usage => "[--photos DIR|FILE]   peak memory per photo of the convert pipeline, as a multiple of its decoded RGB size";

    public int Run(string[] arguments)
    {
        if (arguments.Length == 2 && arguments[0] == ChildCommand) return MeasureInThisProcess(arguments[1]);
        string? photos = arguments.Length == 2 && arguments[0] == "--photos" ? arguments[1]
            : arguments.Length == 0 ? null
            : throw new ArgumentException($"memory: unexpected arguments. Usage: memory {Usage}");
        if (!File.Exists("/proc/self/status"))
        {
            Console.WriteLine("memory: needs Linux's /proc/self/status; nothing measured.");
            return 1;
        }
        List<string>? files = PhotoSet.Resolve(photos);
        if (files is null) return 1;

        Console.WriteLine($"{"photo",-38} {"MP",5} {"RGB MB",7} {"peak extra MB",13} {"x RGB",6}");
        double worst = 0;
        foreach (string file in files)
        {
            var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") psi.ArgumentList.Add(typeof(MemoryCommand).Assembly.Location);
            foreach (string a in new[] { Name, ChildCommand, file }) psi.ArgumentList.Add(a);
            using var child = Process.Start(psi)!;
            string line = child.StandardOutput.ReadToEnd().Trim();
            child.WaitForExit();
            if (child.ExitCode != 0) throw new InvalidOperationException($"memory child failed on {file}: {line}");
            string[] parts = line.Split(' ');
            double megapixels = double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            double rgbMegabytes = megapixels * 3;
            double extraMegabytes = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) / 1e6;
            worst = Math.Max(worst, extraMegabytes / rgbMegabytes);
            string name = Path.GetFileName(file);
            if (name.Length > 38) name = name[..35] + "...";
            Console.WriteLine($"{name,-38} {megapixels,5:0.0} {rgbMegabytes,7:0.0} {extraMegabytes,13:0.0} {extraMegabytes / rgbMegabytes,6:0.00}");
        }
        Console.WriteLine($"worst: {worst:0.00} x the decoded RGB size");
        return 0;
    }

    private static int MeasureInThisProcess(string file)
    {
        byte[] data = File.ReadAllBytes(file);
        var info = JpegDecoder.Identify(data);
        // Warm the code on a tiny image first, so the baseline already holds the JIT's and runtime's own memory.
        using (var tiny = new MemoryStream())
        {
            using var small = new Imaging.Memory.ImageBuffer(64, 64, Imaging.Memory.PixelFormat.Rgb24);
            JpegEncoder.Encode(small, tiny);
            PhotoConversion.Convert(tiny.ToArray(), new MemoryStream(), PhotoConversionOptions.Default);
        }
        GC.Collect();
        long before = ReadStatus("VmRSS");
        using var output = new MemoryStream();
        PhotoConversion.Convert(data, output, PhotoConversionOptions.Default);
        long peak = ReadStatus("VmHWM");
        Console.WriteLine(FormattableString.Invariant($"{info.Width * (double)info.Height / 1e6} {peak - before}"));
        return 0;
    }

    private static long ReadStatus(string field)
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException($"/proc/self/status has no {field}.");
    }
}
