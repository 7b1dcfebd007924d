using System.CommandLine;
using ConcurrencyDemo.Cli.Arguments;
using ConcurrencyDemo.Cli.Signals;
using ConcurrencyDemo.PhotoSite;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// <c>concurrency-demo serve</c>: the demo photo site in the foreground, for the download lesson without the
/// internet. Stdout gets only the image URLs, one per line, so they can be handed to a downloader; what the
/// site is doing goes to stderr. It serves until Ctrl+C or SIGTERM, which are its normal end.
/// </summary>
public sealed class ServeCommand : Command
{
    private static readonly DemoImageServerOptions Defaults = new();

    private static readonly Option<string?> PathOption = new("--path")
    {
        HelpName = "DIR",
        CustomParser = NonEmptyNameParser.Create("a folder name"),
        Description = "Serve the images of this folder (jpg, jpeg, png, gif, webp; sorted by name) instead of generated photos.",
    };

    private static readonly Option<int> CountOption = new("--count")
    {
        HelpName = "N",
        Description = $"How many photos to generate, photo-01.jpg and on (default {Defaults.Count}).",
        // Ranges are the site's to check (DemoImageServer.Start), once, for every front end.
        CustomParser = WholeNumberParser.Create(),
        DefaultValueFactory = _ => Defaults.Count,
    };

    private static readonly Option<int> WidthOption = new("--width")
    {
        HelpName = "W",
        Description = $"Width of the generated photos in pixels (default {Defaults.Width}).",
        CustomParser = WholeNumberParser.Create(),
        DefaultValueFactory = _ => Defaults.Width,
    };

    private static readonly Option<int> HeightOption = new("--height")
    {
        HelpName = "H",
        Description = $"Height of the generated photos in pixels (default {Defaults.Height}).",
        CustomParser = WholeNumberParser.Create(),
        DefaultValueFactory = _ => Defaults.Height,
    };

    private static readonly Option<int> LatencyOption = new("--latency-ms")
    {
        HelpName = "L",
        Description = "Milliseconds every response waits before its first byte (default 0).",
        CustomParser = WholeNumberParser.Create(),
    };

    private static readonly Option<int> BytesPerSecondOption = new("--bytes-per-second")
    {
        HelpName = "B",
        Description = "The most body bytes per second on each connection; 0 (default) is no cap.",
        CustomParser = WholeNumberParser.Create(),
    };

    private static readonly Option<int> PortOption = new("--port")
    {
        HelpName = "P",
        Description = "The port on 127.0.0.1; 0 (default) takes a free one.",
        CustomParser = WholeNumberParser.Create(),
    };

    /// <summary>Options that only say how to make photos, so they mean nothing beside --path.</summary>
    private static readonly Option<int>[] GeneratedPhotoOptions = [CountOption, WidthOption, HeightOption];

    public const string CommandName = "serve";

    public ServeCommand() : base(CommandName,
        "Serve photos on 127.0.0.1 as a slow photo site would, until Ctrl+C.\n" +
        "\n" +
        $"A web server for the download lesson: the images of {PathOption.Name}, or {CountOption.Name} photo-like JPEGs it makes (the\n" +
        $"same bytes every time), each response {LatencyOption.Name} late and each connection capped at {BytesPerSecondOption.Name}.\n" +
        "Stdout gets every image URL, one per line; stderr says where the site is and, at the end, how many\n" +
        "requests it answered. / is an index, /images/<name> an image, anything else 404.\n" +
        "\n" +
        "A query string makes one request misbehave: ?status=503&times=2&retryAfter=1 (the first two\n" +
        "requests of that URL get 503 with Retry-After), ?drop=N (cut the connection after N body bytes),\n" +
        "?stall=N (send N bytes, then nothing), ?html=1 (a web page instead of the image), ?latencyMs=L.\n" +
        "\n" +
        "Exit codes: 0 stopped by Ctrl+C or SIGTERM (the port is free again); 1 the folder or the port cannot\n" +
        "be used; 2 bad command line.")
    {
        Options.Add(PathOption);
        foreach (var option in GeneratedPhotoOptions) Options.Add(option);
        Options.Add(LatencyOption);
        Options.Add(BytesPerSecondOption);
        Options.Add(PortOption);
        SetAction(Run);
    }

    private static int Run(ParseResult parseResult)
    {
        string? folder = parseResult.GetValue(PathOption);
        if (folder is not null && GeneratedPhotoOptions.FirstOrDefault(option => parseResult.GetResult(option) is { Implicit: false }) is { } generated)
            throw new UsageException($"{generated.Name} makes photos, so it cannot be used with {PathOption.Name}.");
        var options = new DemoImageServerOptions
        {
            FolderPath = folder is null ? null : Path.GetFullPath(folder),
            Count = parseResult.GetValue(CountOption),
            Width = parseResult.GetValue(WidthOption),
            Height = parseResult.GetValue(HeightOption),
            Latency = TimeSpan.FromMilliseconds(parseResult.GetValue(LatencyOption)),
            BytesPerSecond = parseResult.GetValue(BytesPerSecondOption),
            Port = parseResult.GetValue(PortOption),
        };

        // Listening for signals before the photos are made: Ctrl+C while they are is a stop too, not a crash.
        using var signals = new StopSignals();
        using var server = Start(options);
        foreach (var uri in server.ImageUris)
            Console.Out.WriteLine(uri.AbsoluteUri);
        Console.Out.Flush();
        Console.Error.WriteLine($"Serving {server.ImageUris.Count} images at {server.BaseUri} ({Describe(options)}); Ctrl+C stops.");

        signals.Token.WaitHandle.WaitOne();
        server.Stop();
        Console.Error.WriteLine($"Stopped after {server.RequestCount} requests; port {server.Port} is free.");
        return ExitCodes.Success;
    }

    /// <summary>The site's refusal, said with this command's option: a number is a usage error, a folder or port that cannot be used is not.</summary>
    private static DemoImageServer Start(DemoImageServerOptions options)
    {
        try
        {
            return DemoImageServer.Start(options);
        }
        catch (InvalidServerOptionException ex)
        {
            Option option = ex.Option switch
            {
                nameof(DemoImageServerOptions.FolderPath) => PathOption,
                nameof(DemoImageServerOptions.Count) => CountOption,
                nameof(DemoImageServerOptions.Width) => WidthOption,
                nameof(DemoImageServerOptions.Height) => HeightOption,
                nameof(DemoImageServerOptions.Latency) => LatencyOption,
                nameof(DemoImageServerOptions.BytesPerSecond) => BytesPerSecondOption,
                _ => PortOption,
            };
            // A folder that is not there, or a port another program holds, is a well-formed command line.
            if (ex.IsUnavailable) throw new CannotRunException($"{option.Name}: {ex.Message}");
            throw UsageException.ForOption(option, ex.Message);
        }
    }

    private static string Describe(DemoImageServerOptions options) =>
        $"latency {options.Latency.TotalMilliseconds:0} ms, " +
        (options.BytesPerSecond > 0 ? $"{options.BytesPerSecond} bytes/s per connection" : "no bandwidth cap");
}
