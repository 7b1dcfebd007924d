using System.Buffers;
using System.Numerics;

namespace ConcurrencyDemo.Imaging.Memory;

/// <summary>
/// Where image-sized arrays come from. Small arrays go to <see cref="ArrayPool{T}.Shared"/>; arrays of a
/// megabyte or more come from here, one pool for every thread that keeps at most a few of them.
/// </summary>
/// <remarks>
/// ArrayPool.Shared keeps arrays per thread and per core, in power-of-two sizes, and trims them only under
/// memory pressure or after a minute: a photo of 61 MB rents a 64 MB array, and a session that converted
/// photos on fresh threads kept several such arrays per thread it ever used (one pwsh grew from 260 MB to
/// 1 GB over ten runs of fifteen photos). Retaining a handful, shared, keeps the reuse that saves the GC
/// zeroing tens of megabytes per photo while memory stays bounded by what the running items need.
/// </remarks>
internal static class PixelArrayPool
{
    /// <summary>Arrays at least this long are pooled here; rows, scratch strips and tables stay with ArrayPool.Shared.</summary>
    internal const int LargeArrayBytes = 1 << 20;

    /// <summary>
    /// How many large arrays are kept between uses: a photo in flight holds up to four (decoded image, reduced
    /// copy, resampled bands, thumbnail), so four per core lets every core reuse rather than allocate (two per
    /// core measured 450-490 MB peaks and more page faults; four, 416-434 MB). The byte budget below is what
    /// bounds memory.
    /// </summary>
    internal static readonly int Capacity = 4 * Environment.ProcessorCount;

    /// <summary>
    /// At most this many bytes are kept: four 20-megapixel photos' arrays (64 MB each, made a power of two long;
    /// a 24-megapixel photo's is 128 MB, and then two fit). One huge picture must not pin its buffer for the rest
    /// of the session.
    /// </summary>
    internal const long ByteBudget = 256L << 20;

    private static readonly object Gate = new();
    private static readonly List<byte[]> Retained = new(Capacity + 1);
    private static long _retainedBytes;

    /// <summary>An array of at least <paramref name="length"/> bytes, not cleared.</summary>
    public static byte[] Rent(int length)
    {
        if (length < LargeArrayBytes)
            return ArrayPool<byte>.Shared.Rent(length);
        lock (Gate)
        {
            // The smallest retained array that fits, if it is not more than twice the size asked for: a 2 MB
            // thumbnail must not tie up a 64 MB photo buffer that the next photo on another thread needs.
            int best = -1;
            for (int i = 0; i < Retained.Count; i++)
            {
                int candidate = Retained[i].Length;
                if (candidate >= length && candidate <= 2L * length && (best < 0 || candidate < Retained[best].Length))
                    best = i;
            }
            if (best >= 0)
            {
                byte[] array = Retained[best];
                Retained.RemoveAt(best);
                _retainedBytes -= array.Length;
                return array;
            }
        }
        return GC.AllocateUninitializedArray<byte>(AllocationLength(length));
    }

    /// <summary>
    /// A new array is made a power of two long, so that it can serve the larger photos that come later. On Linux a
    /// page is backed by memory only once written, so the spare length costs no memory until a larger photo uses
    /// it (the GC still counts it towards its budgets, and the byte budget below counts it); and a process that
    /// meets photos in growing sizes (a worker does, with a fresh heap) then writes the pages of the largest array
    /// once, instead of those of a new array per size. Measured: a fresh process converting 8 of
    /// the photos took 60,000 page faults instead of 33,000 and 0.07 s longer (1.48 s, median of 8) without it.
    /// </summary>
    internal static int AllocationLength(int length) =>
        (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)length), (uint)System.Array.MaxLength);

    /// <summary>Gives an array from <see cref="Rent"/> back; it must not be used afterwards.</summary>
    public static void Return(byte[] array)
    {
        if (array.Length < LargeArrayBytes)
        {
            ArrayPool<byte>.Shared.Return(array);
            return;
        }
        if (array.Length > ByteBudget)
            return;
        lock (Gate)
        {
            Retained.Add(array);
            _retainedBytes += array.Length;
            // Full: the smallest goes. Larger arrays serve every photo, and an array dropped is garbage that
            // grows the working set until a full collection, which reusing the large ones avoids.
            while (Retained.Count > Capacity || _retainedBytes > ByteBudget)
            {
                int smallest = 0;
                for (int i = 1; i < Retained.Count; i++)
                    if (Retained[i].Length < Retained[smallest].Length)
                        smallest = i;
                _retainedBytes -= Retained[smallest].Length;
                Retained.RemoveAt(smallest);
            }
        }
    }

    /// <summary>Drops every retained array, so that a test starts from an empty pool.</summary>
    internal static void Clear()
    {
        lock (Gate)
        {
            Retained.Clear();
            _retainedBytes = 0;
        }
    }

    /// <summary>How many large arrays and bytes are kept now (for tests).</summary>
    internal static (int Arrays, long Bytes) Retention()
    {
        lock (Gate)
            return (Retained.Count, _retainedBytes);
    }
}
