namespace ConcurrencyDemo.Timelines.Terminal;

/// <summary>
/// How a terminal chart is drawn: the escape sequences that colour each part (all empty for plain text) and the
/// characters that fill blocks. Plain text marks every part by its characters alone, so a chart in a file or a
/// pipe says everything a coloured one does. Each front end makes the coloured style from its own palette
/// (PowerShell's $PSStyle, the CLI's ANSI codes).
/// </summary>
public sealed record TerminalStyle
{
    /// <summary>ASCII only, no escape sequences: for files, pipes and PlainText rendering.</summary>
    public static TerminalStyle Plain { get; } = new();

    /// <summary>The CLI's colours, as plain ANSI sequences: black on cyan and blue items, white on red failures, yellow start-ups.</summary>
    public static TerminalStyle Ansi { get; } = FromSequences(
        item: "\e[30;46m", alternateItem: "\e[30;104m", failedItem: "\e[97;41m", startup: "\e[33m", axis: "\e[2m", title: "\e[1m", reset: "\e[0m");

    /// <summary>A coloured style: blocks filled with their colour rather than with characters.</summary>
    public static TerminalStyle FromSequences(string item, string alternateItem, string failedItem, string startup, string axis, string title, string reset) => new()
    {
        Item = item,
        AlternateItem = alternateItem,
        FailedItem = failedItem,
        Startup = startup,
        Axis = axis,
        Title = title,
        Reset = reset,
        ItemFill = ' ',
        FailedFill = ' ',
    };

    public string Item { get; init; } = "";
    public string AlternateItem { get; init; } = "";
    public string FailedItem { get; init; } = "";
    public string Startup { get; init; } = "";
    public string Axis { get; init; } = "";
    public string Title { get; init; } = "";
    public string Reset { get; init; } = "";

    /// <summary>What fills an item's block after its text.</summary>
    public char ItemFill { get; init; } = '=';

    /// <summary>What fills a failed item's block after its text: it must differ from <see cref="ItemFill"/> in plain text.</summary>
    public char FailedFill { get; init; } = 'x';

    public char StartupGlyph { get; init; } = '~';

    /// <summary><paramref name="text"/> in <paramref name="sequence"/>, reset after; unchanged in plain text.</summary>
    public string Paint(string sequence, string text) =>
        sequence.Length == 0 || text.Length == 0 ? text : sequence + text + Reset;
}
