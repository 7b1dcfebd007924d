using System.CommandLine.Parsing;
using ConcurrencyDemo.Engine;

namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// Reads <c>--mode</c>'s list: mode names in any case, or <c>all</c> for every mode, each run in the order given.
/// </summary>
internal static class ModeListParser
{
    public const string AllModes = "all";

    public static IReadOnlyList<ExecutionMode> Parse(ArgumentResult result)
    {
        var modes = new List<ExecutionMode>();
        foreach (string name in CommaSeparatedValues.Split(result) ?? [])
        {
            if (name.Equals(AllModes, StringComparison.OrdinalIgnoreCase))
            {
                modes.AddRange(Enum.GetValues<ExecutionMode>());
            }
            // Enum.TryParse alone would also take numbers ("--mode 7"), which are no mode.
            else if (!char.IsDigit(name[0]) && !name.StartsWith('-') && Enum.TryParse<ExecutionMode>(name, ignoreCase: true, out var mode) && Enum.IsDefined(mode))
            {
                modes.Add(mode);
            }
            else
            {
                result.AddOptionError($"unknown mode '{name}'; expected {ChoiceParser.DescribeChoices(Enum.GetNames<ExecutionMode>().Select(n => n.ToLowerInvariant()).Append(AllModes))}.");
                return [];
            }
        }
        return modes;
    }
}
