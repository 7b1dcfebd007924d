namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// Our own small parser (the CLI takes no package dependencies): long options only, <c>--name value</c>
/// or <c>--name=value</c>, commas for lists. Anything else is a positional argument (such as a file name),
/// taken only by commands that ask for them; <c>--</c> ends the options, so a file called <c>-x</c> or
/// <c>--x</c> can still be named. <c>--help</c> is left to the caller through <see cref="IsHelpRequested"/>
/// so that a bad option beside it still shows help rather than an error.
/// </summary>
public static class CommandLineParser
{
    public const string EndOfOptions = "--";

    /// <summary>A help option before any <c>--</c>; after it, "-h" is a file name.</summary>
    public static bool IsHelpRequested(IReadOnlyList<string> arguments) =>
        arguments.TakeWhile(a => a != EndOfOptions).Any(a => a is "--help" or "-h" or "-?");

    /// <param name="allowPositionals">
    /// False for a command that takes options only: a stray word is then an error, since it is most likely a
    /// value whose option was forgotten (<c>sleep 10</c>), and silently ignoring it would mislead.
    /// </param>
    public static ParsedOptions Parse(IReadOnlyList<string> arguments, IReadOnlyList<OptionSpec> specs, bool allowPositionals = false)
    {
        var byName = specs.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var positionals = new List<string>();
        bool optionsEnded = false;
        for (int i = 0; i < arguments.Count; i++)
        {
            string argument = arguments[i];
            if (!optionsEnded && argument == EndOfOptions)
            {
                optionsEnded = true;
                continue;
            }
            if (optionsEnded || !argument.StartsWith('-') || argument == "-")
            {
                if (!allowPositionals)
                    throw new UsageException($"unexpected argument '{argument}'; options start with -- (see --help).");
                positionals.Add(argument);
                continue;
            }
            // Single-dash options do not exist here; guessing what "-o" meant would be worse than saying so.
            if (!argument.StartsWith("--", StringComparison.Ordinal))
                throw new UsageException(allowPositionals
                    ? $"unknown option '{argument}'; options are long (--name); put -- before a file name that starts with -."
                    : $"unexpected argument '{argument}'; options start with -- (see --help).");

            int equals = argument.IndexOf('=');
            string name = equals < 0 ? argument[2..] : argument[2..equals];
            if (!byName.TryGetValue(name, out var spec))
                throw UsageException.ForOption("--" + name, "unknown option (see --help).");

            if (spec.IsFlag)
            {
                if (equals >= 0) throw UsageException.ForOption(spec.LongName, "takes no value.");
                if (values.ContainsKey(name)) throw UsageException.ForOption(spec.LongName, "given more than once.");
                values[name] = [];
                continue;
            }

            string value;
            if (equals >= 0)
            {
                value = argument[(equals + 1)..];
            }
            else
            {
                // "-1" is a value (a negative number to complain about later); "--x" is the next option.
                if (i + 1 >= arguments.Count || arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw UsageException.ForOption(spec.LongName, $"needs a value ({spec.ValueName}).");
                value = arguments[++i];
            }
            if (value.Length == 0) throw UsageException.ForOption(spec.LongName, $"needs a value ({spec.ValueName}).");

            if (spec.IsList)
            {
                var parts = value.Split(',', StringSplitOptions.TrimEntries);
                if (parts.Any(p => p.Length == 0)) throw UsageException.ForOption(spec.LongName, $"'{value}' has an empty item in its list.");
                if (!values.TryGetValue(name, out var list)) values[name] = list = [];
                list.AddRange(parts);
            }
            else
            {
                if (values.ContainsKey(name)) throw UsageException.ForOption(spec.LongName, "given more than once.");
                values[name] = [value];
            }
        }
        return new ParsedOptions(values, positionals);
    }
}
