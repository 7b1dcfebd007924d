using System.Globalization;
using ConcurrencyDemo.Engine.Results;

namespace ConcurrencyDemo.Cli.Output;

/// <summary>
/// One column of the table. Rows stream as items finish, so the width is fixed up front from what the
/// workload can produce; a wider value still prints whole, it only pushes the rest of its row right.
/// </summary>
public sealed record TableColumn(string Header, int Width, bool AlignRight, Func<ItemResult, string> Value)
{
    public static TableColumn Left(string header, int width, Func<ItemResult, string> value) =>
        new(header, Math.Max(header.Length, width), AlignRight: false, value);

    public static TableColumn Right(string header, int width, Func<ItemResult, string> value) =>
        new(header, Math.Max(header.Length, width), AlignRight: true, value);

    /// <summary>Seconds to the millisecond, right-aligned, as every time in the table is shown.</summary>
    public static TableColumn Seconds(string header, Func<ItemResult, double> value) =>
        Right(header, SecondsWidth, r => FormatSeconds(value(r)));

    /// <summary>Room for 9999.999 s, more than any demo run takes.</summary>
    public const int SecondsWidth = 8;

    public string Pad(string text) => AlignRight ? text.PadLeft(Width) : text.PadRight(Width);

    public static string FormatSeconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
