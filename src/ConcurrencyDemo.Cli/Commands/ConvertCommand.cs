using System.CommandLine;
using ConcurrencyDemo.Cli.Arguments;
using ConcurrencyDemo.Cli.Output;
using ConcurrencyDemo.Engine;
using ConcurrencyDemo.Engine.Results;
using ConcurrencyDemo.Engine.Workloads;
using ConcurrencyDemo.Imaging.Formats;
using ConcurrencyDemo.Imaging.Pipeline;

namespace ConcurrencyDemo.Cli.Commands;

/// <summary>
/// <c>concurrency-demo convert</c>: the tutorial's CPU-bound lesson on real files. Per photo: decode,
/// Gaussian blur, thumbnail, encode, each stage timed. Every check that can fail without doing the work
/// is done before any photo is touched, so a mistyped command line never leaves half a batch behind.
/// </summary>
public sealed class ConvertCommand : Command
{
    /// <summary>
    /// Far beyond any photo (a blur this wide is one flat colour), yet small enough that the box radii
    /// derived from it stay well inside int range.
    /// </summary>
    private const double MaxBlurRadius = 10_000;

    private static readonly PhotoConversionOptions Defaults = PhotoConversionOptions.Default;

    private static readonly Dictionary<string, ImageFormat> ImageFormats = new()
    {
        ["jpeg"] = ImageFormat.Jpeg,
        ["jpg"] = ImageFormat.Jpeg,
        ["png"] = ImageFormat.Png,
    };

    private static readonly Argument<string[]> FilesArgument = new("file")
    {
        // Zero files is reported by Run in our own words, after the options' problems.
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
    };

    private static readonly Option<string> OutOption = new("--out")
    {
        HelpName = "DIR",
        Description = "Folder for the converted photos (required; created if missing). Each is named after its input, with .jpg or .png.",
        Required = true,
    };

    private static readonly Option<double> BlurRadiusOption = new("--blur-radius")
    {
        HelpName = "R",
        Description = $"Gaussian blur radius in pixels, as Pillow's GaussianBlur(R); 0 skips the blur. Default {Defaults.BlurRadius}.",
        CustomParser = DecimalNumberParser.Create(minimum: 0, maximum: MaxBlurRadius),
        DefaultValueFactory = _ => Defaults.BlurRadius,
    };

    private static readonly Option<int> MaxSizeOption = new("--max-size")
    {
        HelpName = "N",
        Description = $"Shrink to fit N x N, keeping the aspect ratio, as Pillow's thumbnail (never enlarges); 0 keeps the size. Default {Defaults.MaxSize}.",
        CustomParser = WholeNumberParser.Create(minimum: 0),
        DefaultValueFactory = _ => Defaults.MaxSize,
    };

    /// <summary>
    /// Convert's --format is the image format, as the issue and every image tool spell it; so here the
    /// table/csv/json choice that sleep calls --format has a name of its own, <see cref="ResultsOption"/>.
    /// </summary>
    private static readonly Option<ImageFormat> ImageFormatOption = new("--format")
    {
        HelpName = "jpeg|png",
        Description = "The IMAGE format written (jpg is taken for jpeg). Default jpeg.",
        CustomParser = ChoiceParser.Create(ImageFormats),
        DefaultValueFactory = _ => Defaults.OutputFormat,
    };

    private static readonly Option<int> QualityOption = new("--quality")
    {
        HelpName = "Q",
        Description = $"JPEG quality, 1 to 100 (png ignores it). Default {Defaults.Quality}, as Pillow's.",
        CustomParser = WholeNumberParser.Create(minimum: 1, maximum: 100),
        DefaultValueFactory = _ => Defaults.Quality,
    };

    private static readonly Option<bool> ForceOption = new("--force")
    {
        Description = "Replace outputs that already exist. Without it such a photo fails and the others go on.",
    };

    private static readonly Option<bool> ApplyOrientationOption = new("--apply-orientation")
    {
        Description = "Turn each photo upright by its EXIF orientation first (Pillow does not).",
    };

    private static readonly Option<OutputFormat> ResultsOption = RunOptions.CreateResultFormatOption("--results",
        $"How the RESULTS are written: table (default), csv or json (one object per line). Sleep calls this {RunOptions.FormatOption.Name}.");

    /// <summary>Sequential only until the Convert-ImageBatch cmdlet brings the modes; offering them is then adding RunOptions.ModeOptions.</summary>
    private static readonly IReadOnlyList<ExecutionMode> Modes = [ExecutionMode.Sequential];

    public ConvertCommand() : base("convert",
        "Blur, shrink and re-encode photos (CPU-bound work) and time each stage.\n" +
        "\n" +
        "Converts each photo as the tutorial does: open it (JPEG or PNG), GaussianBlur(15), thumbnail to fit\n" +
        $"1200x1200, save as JPEG quality 75, into {OutOption.Name} under the same name. One row per photo shows its size\n" +
        "and the seconds of each stage. Runs Sequential (the modes come later).\n" +
        "\n" +
        "An output is written to a temporary file and renamed into place, so a failure or Ctrl+C never\n" +
        "leaves a partial image. A photo that cannot be read or converted gets one line on stderr and\n" +
        $"no output; the others still convert. {ImageFormatOption.Name} is the image format; the results' format is {ResultsOption.Name}.\n" +
        "Use -- before file names that start with a dash.\n" +
        "\n" +
        $"Exit codes: 0 all converted; 1 a photo failed, or an input or {OutOption.Name} cannot be used (nothing ran);\n" +
        "2 bad command line (nothing ran); 130 Ctrl+C; 143 SIGTERM.")
    {
        Arguments.Add(FilesArgument);
        Options.Add(OutOption);
        Options.Add(BlurRadiusOption);
        Options.Add(MaxSizeOption);
        Options.Add(ImageFormatOption);
        Options.Add(QualityOption);
        Options.Add(ForceOption);
        Options.Add(ApplyOrientationOption);
        Options.Add(ResultsOption);
        Options.Add(RunOptions.VerboseOption);
        SetAction(Run);
    }

    private static int Run(ParseResult parseResult)
    {
        var files = parseResult.GetValue(FilesArgument) ?? [];
        var conversion = new PhotoConversionOptions
        {
            BlurRadius = (float)parseResult.GetValue(BlurRadiusOption),
            MaxSize = parseResult.GetValue(MaxSizeOption),
            OutputFormat = parseResult.GetValue(ImageFormatOption),
            Quality = parseResult.GetValue(QualityOption),
            ApplyOrientation = parseResult.GetValue(ApplyOrientationOption),
        };
        var runOptions = RunOptions.From(parseResult, ResultsOption, Modes);
        if (files.Length == 0)
            throw new UsageException("no input files; name one or more JPEG or PNG files (see --help).");
        string outputDirectory = Path.GetFullPath(parseResult.GetRequiredValue(OutOption));

        var inputs = files.Select(Path.GetFullPath).ToList();
        var plan = CreatePlan(inputs, outputDirectory, conversion, overwrite: parseResult.GetValue(ForceOption));
        CheckInputsAreFiles(inputs);
        PrepareOutputDirectory(outputDirectory);

        string commandPath = CommandPath.Of(parseResult.CommandResult.Command);
        return WorkloadRunner.Run(new ConvertWorkload(plan), runOptions, result => DescribeFailure(result, commandPath));
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
            throw new CannotRunException($"{OutOption.Name}: '{outputDirectory}' is a file, not a folder.");
        try
        {
            Directory.CreateDirectory(outputDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CannotRunException($"{OutOption.Name}: cannot create '{outputDirectory}': {ex.Message}");
        }
    }

    /// <summary>"concurrency-demo convert: cannot convert '/x/a.jpg': &lt;problem&gt;", whatever shape the item's error took.</summary>
    private static string DescribeFailure(ItemResult result, string commandPath)
    {
        var converted = result as ConvertResult;
        string input = converted is { InputPath.Length: > 0 } ? converted.InputPath : result.Label;
        string prefix = $"'{input}': ";
        string problem = result.Error.StartsWith(prefix, StringComparison.Ordinal) ? result.Error[prefix.Length..] : result.Error;
        // The pipeline's own wording for an output in the way; the hint names the way out.
        if (converted is not null && problem == $"'{converted.OutputPath}' already exists.")
            problem += $" Use {ForceOption.Name} to replace it.";
        return $"{commandPath}: cannot convert {prefix}{problem.ReplaceLineEndings(" ")}";
    }
}
