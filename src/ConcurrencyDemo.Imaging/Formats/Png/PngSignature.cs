namespace ConcurrencyDemo.Imaging.Formats.Png;

internal static class PngSignature
{
    /// <summary>The eight bytes every PNG starts with; the CR-LF and LF in it detect text-mode transfer damage.</summary>
    public static ReadOnlySpan<byte> Bytes => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsPresent(ReadOnlySpan<byte> data) => data.StartsWith(Bytes);
}
