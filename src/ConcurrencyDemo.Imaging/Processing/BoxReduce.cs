using System.Runtime.CompilerServices;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// Pillow's <c>Image.reduce(factor)</c> over the whole image: each output pixel is the average of a
/// factorX x factorY block, the last column and row averaging the partial blocks that remain.
/// The average is Pillow's: (sum + count / 2) times a float-derived 8.24 reciprocal, shifted down.
/// </summary>
internal static class BoxReduce
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ImageBuffer Reduce(ImageBuffer source, int factorX, int factorY)
    {
        int width = source.Width, height = source.Height, channels = source.Channels;
        int outWidth = (width + factorX - 1) / factorX;
        int outHeight = (height + factorY - 1) / factorY;
        var result = new ImageBuffer(outWidth, outHeight, source.Format);
        int outStride = result.Stride;
        uint[] sums = new uint[outStride];
        byte[] input = source.Array, output = result.Array;
        for (int oy = 0; oy < outHeight; oy++)
        {
            Array.Clear(sums);
            int yEnd = Math.Min((oy + 1) * factorY, height);
            for (int y = oy * factorY; y < yEnd; y++)
                AddRow(input.AsSpan(y * source.Stride, source.Stride), sums, factorX, channels);

            int blockHeight = yEnd - oy * factorY;
            uint fullMultiplier = Multiplier(factorX * blockHeight);
            uint fullAmend = (uint)(factorX * blockHeight / 2);
            Span<byte> row = output.AsSpan(oy * outStride, outStride);
            int fullColumns = width / factorX;
            for (int i = 0; i < fullColumns * channels; i++)
                row[i] = (byte)((sums[i] + fullAmend) * fullMultiplier >> 24);
            if (fullColumns < outWidth)
            {
                int count = (width - fullColumns * factorX) * blockHeight;
                uint multiplier = Multiplier(count);
                uint amend = (uint)(count / 2);
                for (int i = fullColumns * channels; i < outStride; i++)
                    row[i] = (byte)((sums[i] + amend) * multiplier >> 24);
            }
        }
        return result;
    }

    /// <summary>Pillow's <c>division_UINT32(count, 8)</c>: 2^32 / (256 * count), divided in float and truncated.</summary>
    internal static uint Multiplier(int count) => (uint)(4294967296f / (float)(256u * (uint)count));

    private static void AddRow(ReadOnlySpan<byte> row, uint[] sums, int factorX, int channels)
    {
        int width = row.Length / channels;
        if (channels == 1 && factorX == 2)
        {
            int pairs = width / 2;
            for (int i = 0; i < pairs; i++)
                sums[i] += (uint)(row[2 * i] + row[2 * i + 1]);
            if ((width & 1) != 0)
                sums[pairs] += row[width - 1];
            return;
        }
        for (int x = 0, block = 0; x < width; x += factorX, block += channels)
        {
            int end = Math.Min(x + factorX, width);
            for (int c = 0; c < channels; c++)
            {
                uint sum = 0;
                for (int i = x * channels + c; i < end * channels; i += channels)
                    sum += row[i];
                sums[block + c] += sum;
            }
        }
    }
}
