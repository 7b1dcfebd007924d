namespace ConcurrencyDemo.Cli.Output;

public enum OutputFormat
{
    /// <summary>Aligned rows, run summaries and a comparison, for people.</summary>
    Table,

    /// <summary>One header and one row per item, for spreadsheets and scripts.</summary>
    Csv,

    /// <summary>One JSON object per line per item (JSON lines), for jq and scripts.</summary>
    Json,
}
