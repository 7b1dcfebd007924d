using ConcurrencyDemo.Imaging.Pipeline;

namespace ConcurrencyDemo.Engine.Workloads.Convert;

/// <summary>Which file becomes which, and how: decided once, before any work, so that conflicts are found up front.</summary>
public sealed record ConvertPlan(IReadOnlyList<ConvertItem> Items, PhotoConversionOptions Options, bool Overwrite)
{
    /// <summary>
    /// Output files named after their inputs in <paramref name="outputDirectory"/>, with the output format's extension.
    /// Refuses (ArgumentException naming the file) an output that would replace its own input or another item's output.
    /// The message is for the person who typed the paths, so no parameter name is attached: .NET would append it.
    /// </summary>
    public static ConvertPlan Create(IEnumerable<string> inputPaths, string outputDirectory, PhotoConversionOptions options, bool overwrite)
    {
        string directory = Path.GetFullPath(outputDirectory);
        var items = new List<ConvertItem>();
        var outputs = new Dictionary<string, string>(OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        foreach (string input in inputPaths)
        {
            string fullInput = Path.GetFullPath(input);
            string output = Path.Combine(directory, Path.GetFileNameWithoutExtension(fullInput) + options.OutputExtension);
            if (outputs.Comparer.Equals(output, fullInput))
                throw new ArgumentException($"'{fullInput}' would be replaced by its own output; choose another output folder.");
            if (!outputs.TryAdd(output, fullInput))
                throw new ArgumentException($"'{fullInput}' and '{outputs[output]}' would both be written to '{output}'.");
            items.Add(new ConvertItem(fullInput, output));
        }
        return new ConvertPlan(items, options, overwrite);
    }
}
