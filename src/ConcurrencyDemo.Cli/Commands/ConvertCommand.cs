using System.CommandLine;
using ConcurrencyDemo.Cli.Arguments;
using ConcurrencyDemo.Cli.Output;
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
public sealed class ConvertCommand : Command
{
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
        CustomParser = NonEmptyNameParser.Create("a folder name"),
        Description = "Folder for the converted photos (required; created if missing). Each is named after its input, with .jpg or .png.",
        Required = true,
    };

    private static readonly Option<double> BlurRadiusOption = new("--blur-radius")
    {
        HelpName = "R",
        Description = $"Gaussian blur radius in pixels, as Pillow's GaussianBlur(R); 0 skips the blur. Default {Defaults.BlurRadius}.",
        // The range is PhotoConversionOptions' to check, once, where the options are made.
        CustomParser = DecimalNumberParser.Create(),
        DefaultValueFactory = _ => Defaults.BlurRadius,
    };

    private static readonly Option<int> MaxSizeOption = new("--max-size")
    {
        HelpName = "N",
        Description = $"Shrink to fit N x N, keeping the aspect ratio, as Pillow's thumbnail (never enlarges); 0 keeps the size. Default {Defaults.MaxSize}.",
        CustomParser = WholeNumberParser.Create(),
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
        CustomParser = WholeNumberParser.Create(),
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

    /// <summary>
    /// One run unless asked for more: every run writes the same outputs, so a second mode replaces the first's
    /// files only with --force.
    /// </summary>
    private static readonly IReadOnlyList<ExecutionMode> DefaultModes = [ExecutionMode.Sequential];

    public const string CommandName = "convert";

    public ConvertCommand() : base(CommandName,
        "Blur, shrink and re-encode photos (CPU-bound work) and time each stage.\n" +
        "\n" +
        "Converts each photo as the tutorial does: open it (JPEG or PNG), GaussianBlur(15), thumbnail to fit\n" +
        $"1200x1200, save as JPEG quality 75, into {OutOption.Name} under the same name. One row per photo shows its size\n" +
        $"and the seconds of each stage. {RunOptions.ModeOption.Name} runs it in other modes (default sequential); each mode writes\n" +
        $"the same outputs, so give {ForceOption.Name} to let a later run replace an earlier one's.\n" +
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
        foreach (var option in RunOptions.ModeOptions) Options.Add(option);
        foreach (var option in RunOptions.OutputOptions(ResultsOption)) Options.Add(option);
        SetAction(Run);
    }

    private static int Run(ParseResult parseResult)
    {
        var files = parseResult.GetValue(FilesArgument) ?? [];
        var conversion = CreateConversionOptions(parseResult);
        var runOptions = RunOptions.From(parseResult, ResultsOption, DefaultModes);
        if (files.Length == 0)
            throw new UsageException("no input files; name one or more JPEG or PNG files (see --help).");
        if (files.Any(file => file.Length == 0))
            throw new UsageException("an empty file name cannot be converted; name JPEG or PNG files.");
        string outputDirectory = Path.GetFullPath(parseResult.GetRequiredValue(OutOption));

        var inputs = files.Select(Path.GetFullPath).ToList();
        var plan = CreatePlan(inputs, outputDirectory, conversion, overwrite: parseResult.GetValue(ForceOption));
        CheckInputsAreFiles(inputs);
        OutputFolder.Prepare(OutOption, outputDirectory);

        string commandPath = CommandPath.Of(parseResult.CommandResult.Command);
        return WorkloadRunner.Run(new ConvertWorkload(plan), runOptions, result => DescribeFailure(result, commandPath));
    }

    /// <summary>The imaging options, each checked where it is set; a refused one is a usage error naming its option.</summary>
    private static PhotoConversionOptions CreateConversionOptions(ParseResult parseResult)
    {
        try
        {
            return new PhotoConversionOptions
            {
                BlurRadius = (float)parseResult.GetValue(BlurRadiusOption),
                MaxSize = parseResult.GetValue(MaxSizeOption),
                OutputFormat = parseResult.GetValue(ImageFormatOption),
                Quality = parseResult.GetValue(QualityOption),
                ApplyOrientation = parseResult.GetValue(ApplyOrientationOption),
            };
        }
        catch (InvalidOptionException ex)
        {
            Option option = ex.ParamName switch
            {
                nameof(PhotoConversionOptions.MaxSize) => MaxSizeOption,
                nameof(PhotoConversionOptions.Quality) => QualityOption,
                nameof(PhotoConversionOptions.OutputFormat) => ImageFormatOption,
                _ => BlurRadiusOption,
            };
            throw UsageException.ForOption(option, ex.Message);
        }
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

    /// <summary>"concurrency-demo convert: cannot convert '/x/a.jpg': &lt;problem&gt;", whatever shape the item's error took.</summary>
    private static string DescribeFailure(ItemResult result, string commandPath)
    {
        var converted = result as ConvertResult;
        string input = converted is { InputPath.Length: > 0 } ? converted.InputPath : result.Label;
        string prefix = $"'{input}': ";
        string problem = result.Error.StartsWith(prefix, StringComparison.Ordinal) ? result.Error[prefix.Length..] : result.Error;
        // An output in the way: the hint names the way out.
        if (result.Failure == FailureKind.OutputExists)
            problem += $" Use {ForceOption.Name} to replace it.";
        return $"{commandPath}: cannot convert {prefix}{problem.ReplaceLineEndings(" ")}";
    }
}
