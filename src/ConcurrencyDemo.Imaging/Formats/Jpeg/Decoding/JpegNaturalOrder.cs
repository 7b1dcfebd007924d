namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// Zig-zag to natural order with sixteen extra entries pointing at coefficient 63, as libjpeg's table
/// has: a corrupt run can push the index past 63, and this keeps such writes inside the block.
/// </summary>
internal static class JpegNaturalOrder
{
    public static readonly byte[] Table = Build();

    private static byte[] Build()
    {
        var table = GC.AllocateUninitializedArray<byte>(80, pinned: true);
        JpegTables.ZigZagToNatural.CopyTo(table);
        for (int i = 64; i < 80; i++) table[i] = 63;
        return table;
    }

    public static unsafe byte* Pointer => (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref Table[0]);
}
