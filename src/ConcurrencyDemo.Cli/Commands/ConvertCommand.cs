using ConcurrencyDemo.Cli.Arguments;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Items;
using ConcurrencyDemo.Engine.Workloads.Convert;
using ConcurrencyDemo.Imaging.Formats;
using ConcurrencyDemo.Imaging.Pipeline;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// <c>concurrency-demo convert</c>: the tutorial's CPU-bound lesson on real files. Per photo: decode,
/// Gaussian blur, thumbnail, encode, each stage timed. Every check that can fail without doing the work
/// is done before any photo is touched, so a mistyped command line never leaves half a batch behind.
/// </summary>
public sealed class ConvertCommand : ICliCommand
{
    /// <summary>
    /// Convert's --format is the image format, as the issue and every image tool spell it; so here the
    /// table/csv/json choice that sleep calls --format needs a name of its own.
    /// </summary>
    public const string ResultFormatOption = "results";

    /// <summary>
    /// Far beyond any photo (a blur this wide is one flat colour), yet small enough that the box radii
    /// derived from it stay well inside int range.
    /// </summary>
    private const double MaxBlurRadius = 10_000;

    private static readonly PhotoConversionOptions Defaults = PhotoConversionOptions.Default;

    private static readonly Dictionary<string, ImageFormat> ImageFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jpeg"] = ImageFormat.Jpeg,
        ["jpg"] = ImageFormat.Jpeg,
        ["png"] = ImageFormat.Png,
    };

    private static readonly IReadOnlyList<OptionSpec> Specs =
    [
        OptionSpec.Value("out", "DIR", "Folder for the converted photos (required; created if missing). Each is named after its input, with .jpg or .png."),
        OptionSpec.Value("blur-radius", "R", $"Gaussian blur radius in pixels, as Pillow's GaussianBlur(R); 0 skips the blur. Default {Defaults.BlurRadius}."),
        OptionSpec.Value("max-size", "N", $"Shrink to fit N x N, keeping the aspect ratio, as Pillow's thumbnail (never enlarges); 0 keeps the size. Default {Defaults.MaxSize}."),
        OptionSpec.Value("format", "jpeg|png", "The IMAGE format written (jpg is taken for jpeg). Default jpeg."),
        OptionSpec.Value("quality", "Q", $"JPEG quality, 1 to 100 (png ignores it). Default {Defaults.Quality}, as Pillow's."),
        OptionSpec.Flag("force", "Replace outputs that already exist. Without it such a photo fails and the others go on."),
        OptionSpec.Flag("apply-orientation", "Turn each photo upright by its EXIF orientation first (Pillow does not)."),
        RunOptions.ResultFormatSpec(ResultFormatOption) with
        {
            Description = "How the RESULTS are written: table (default), csv or json (one object per line). Sleep calls this --format.",
        },
        RunOptions.VerboseSpec,
    ];

    /// <summary>Sequential only until the Convert-ImageBatch cmdlet brings the modes; offering them is then RunOptions.ModeSpecs in Specs.</summary>
    private static readonly IReadOnlyList<ExecutionMode> Modes = [ExecutionMode.Sequential];

    public string Name => "convert";

    public string Summary => "Blur, shrink and re-encode photos (CPU-bound work) and time each stage.";

    public int Run(IReadOnlyList<string> arguments)
    {
        if (CommandLineParser.IsHelpRequested(arguments))
        {
            HelpText.WriteCommandHelp(Console.Out, Name,
                "Converts each photo as the tutorial does: open it (JPEG or PNG), GaussianBlur(15), thumbnail to fit\n" +
                "1200x1200, save as JPEG quality 75, into --out under the same name. One row per photo shows its size\n" +
                "and the seconds of each stage. Runs Sequential (the modes come later).\n" +
                "\n" +
                "An output is written to a temporary file and renamed into place, so a failure or Ctrl+C never\n" +
                "leaves a partial image. A photo that cannot be read or converted gets one line on stderr and\n" +
                "no output; the others still convert. --format is the image format; the results' format is --results.\n" +
                "Use -- before file names that start with a dash.\n" +
                "\n" +
                "Exit codes: 0 all converted; 1 a photo failed, or an input or --out cannot be used (nothing ran);\n" +
                "2 bad command line (nothing ran); 130 Ctrl+C; 143 SIGTERM.",
                Specs,
                synopsis: "<file>... --out <dir> [options]");
            return ExitCodes.Success;
        }

        var options = CommandLineParser.Parse(arguments, Specs, allowPositionals: true);
        var conversion = new PhotoConversionOptions
        {
            BlurRadius = (float)options.GetDouble("blur-radius", Defaults.BlurRadius, minimum: 0, maximum: MaxBlurRadius),
            MaxSize = options.GetInt32("max-size", Defaults.MaxSize, minimum: 0),
            OutputFormat = options.GetChoice("format", Defaults.OutputFormat, ImageFormats),
            Quality = options.GetInt32("quality", Defaults.Quality, minimum: 1, maximum: 100),
            ApplyOrientation = options.Has("apply-orientation"),
        };
        var runOptions = RunOptions.From(options, defaultModes: Modes, resultFormatOption: ResultFormatOption);
        if (options.Positionals.Count == 0)
            throw new UsageException("no input files; name one or more JPEG or PNG files (see --help).");
        string outputDirectory = Path.GetFullPath(options.GetString("out")
            ?? throw UsageException.ForOption("--out", "missing; name the folder to write the converted photos to."));

        var inputs = options.Positionals.Select(Path.GetFullPath).ToList();
        var plan = CreatePlan(inputs, outputDirectory, conversion, overwrite: options.Has("force"));
        CheckInputsAreFiles(inputs);
        PrepareOutputDirectory(outputDirectory);

        return WorkloadRunner.Run(new ConvertWorkload(plan), runOptions, DescribeFailure);
    }

    private static ConvertPlan CreatePlan(IReadOnlyList<string> inputs, string outputDirectory, PhotoConversionOptions conversion, bool overwrite)
    {
        try
        {
            return ConvertPlan.Create(inputs, outputDirectory, conversion, overwrite);
        }
        catch (ArgumentException ex) when (ex is not ArgumentOutOfRangeException)
        {
            // The plan's message names the clashing files.
            throw new UsageException(ex.Message);
        }
    }

    private static void CheckInputsAreFiles(IEnumerable<string> inputs)
    {
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
                throw new CannotRunException($"'{input}' is a folder, not an image file.");
            if (!File.Exists(input))
                throw new CannotRunException($"'{input}' does not exist.");
        }
    }

    private static void PrepareOutputDirectory(string outputDirectory)
    {
        if (File.Exists(outputDirectory))
            throw new CannotRunException($"--out: '{outputDirectory}' is a file, not a folder.");
        try
        {
            Directory.CreateDirectory(outputDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CannotRunException($"--out: cannot create '{outputDirectory}': {ex.Message}");
        }
    }

    /// <summary>"concurrency-demo convert: cannot convert '/x/a.jpg': &lt;problem&gt;", whatever shape the item's error took.</summary>
    private static string DescribeFailure(ItemResult result)
    {
        var converted = result as ConvertResult;
        string input = converted is { InputPath.Length: > 0 } ? converted.InputPath : result.Label;
        string prefix = $"'{input}': ";
        string problem = result.Error.StartsWith(prefix, StringComparison.Ordinal) ? result.Error[prefix.Length..] : result.Error;
        // An output in the way: the hint names the way out.
        if (result.Failure == FailureKind.OutputExists)
            problem += " Use --force to replace it.";
        return $"{HelpText.ProgramName} convert: cannot convert {prefix}{problem.ReplaceLineEndings(" ")}";
    }
}
