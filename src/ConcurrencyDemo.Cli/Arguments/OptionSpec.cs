namespace ConcurrencyDemo.Cli.Arguments;

/// <summary>
/// One long option a command accepts. A flag takes no value; a list option takes comma-separated
/// values and may be repeated, the values adding up.
/// </summary>
public sealed record OptionSpec(string Name, string Description)
{
    /// <summary>Shown in help after the option (<c>--count N</c>); null for a flag.</summary>
    public string? ValueName { get; init; }

    public bool IsList { get; init; }

    public bool IsFlag => ValueName is null;

    public string LongName => "--" + Name;

    public static OptionSpec Flag(string name, string description) => new(name, description);

    public static OptionSpec Value(string name, string valueName, string description) =>
        new(name, description) { ValueName = valueName };

    public static OptionSpec List(string name, string valueName, string description) =>
        new(name, description) { ValueName = valueName, IsList = true };
}
