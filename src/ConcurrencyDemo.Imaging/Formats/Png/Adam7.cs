namespace ConcurrencyDemo.Imaging.Formats.Png;

/// <summary>The seven passes of Adam7 interlacing: where each pass starts and how far apart its pixels are.</summary>
internal static class Adam7
{
    public const int PassCount = 7;

    private static ReadOnlySpan<byte> StartX => [0, 4, 0, 2, 0, 1, 0];
    private static ReadOnlySpan<byte> StartY => [0, 0, 4, 0, 2, 0, 1];
    private static ReadOnlySpan<byte> StepX => [8, 8, 4, 4, 2, 2, 1];
    private static ReadOnlySpan<byte> StepY => [8, 8, 8, 4, 4, 2, 2];

    public static int ColumnStart(int pass) => StartX[pass];
    public static int RowStart(int pass) => StartY[pass];
    public static int ColumnStep(int pass) => StepX[pass];
    public static int RowStep(int pass) => StepY[pass];

    /// <summary>Pixels per row of the pass; 0 when the image is too narrow for the pass to hold any.</summary>
    public static int PassWidth(int pass, int width) =>
        width <= StartX[pass] ? 0 : (width - StartX[pass] + StepX[pass] - 1) / StepX[pass];

    public static int PassHeight(int pass, int height) =>
        height <= StartY[pass] ? 0 : (height - StartY[pass] + StepY[pass] - 1) / StepY[pass];
}
