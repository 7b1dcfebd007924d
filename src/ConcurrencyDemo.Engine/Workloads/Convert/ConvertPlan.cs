using ConcurrencyDemo.Imaging.Pipeline;

namespace ConcurrencyDemo.Engine.Workloads.Convert;

/// <summary>Which file becomes which, and how: decided once, before any work, so that conflicts are found up front.</summary>
public sealed record ConvertPlan(IReadOnlyList<ConvertItem> Items, PhotoConversionOptions Options, bool Overwrite)
{
    /// <summary>
    /// Output files named after their inputs in <paramref name="outputDirectory"/>, with the output format's extension.
    /// An input whose output would replace its own input or another item's output is refused: with
    /// <paramref name="refuse"/>, it is reported there (the input and why) and left out, and the other inputs go
    /// on; without, the first one throws an ArgumentException naming the file (the message is for the person who
    /// typed the paths, so no parameter name is attached: .NET would append it).
    /// </summary>
    public static ConvertPlan Create(IEnumerable<string> inputPaths, string outputDirectory, PhotoConversionOptions options, bool overwrite,
        Action<string, string>? refuse = null)
    {
        string directory = Path.GetFullPath(outputDirectory);
        var items = new List<ConvertItem>();
        var outputs = new Dictionary<string, string>(OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        foreach (string input in inputPaths)
        {
            string fullInput = Path.GetFullPath(input);
            string output = OutputPathFor(fullInput, directory, options);
            string? problem = outputs.Comparer.Equals(output, fullInput) ? $"'{fullInput}' would be replaced by its own output; choose another output folder."
                : outputs.TryGetValue(output, out string? other) ? $"'{fullInput}' and '{other}' would both be written to '{output}'."
                : null;
            if (problem is not null)
            {
                if (refuse is null) throw new ArgumentException(problem);
                refuse(fullInput, problem);
                continue;
            }
            outputs.Add(output, fullInput);
            items.Add(new ConvertItem(fullInput, output));
        }
        return new ConvertPlan(items, options, overwrite);
    }

    /// <summary>The output an input gets: its name, the output format's extension, in the output folder.</summary>
    public static string OutputPathFor(string inputPath, string outputDirectory, PhotoConversionOptions options) =>
        Path.Combine(Path.GetFullPath(outputDirectory), Path.GetFileNameWithoutExtension(inputPath) + options.OutputExtension);
}
