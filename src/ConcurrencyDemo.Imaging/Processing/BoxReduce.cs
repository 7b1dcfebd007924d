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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void AddRow(ReadOnlySpan<byte> row, uint[] sums, int factorX, int channels)
    {
        int width = row.Length / channels;
        fixed (byte* pixels = row)
        fixed (uint* sum = sums)
        {
            for (int x = 0, block = 0; x < width; x += factorX, block += channels)
            {
                byte* p = pixels + x * channels;
                byte* end = pixels + Math.Min(x + factorX, width) * channels;
                switch (channels)
                {
                    case 1:
                    {
                        uint s0 = 0;
                        for (; p < end; p++) s0 += p[0];
                        sum[block] += s0;
                        break;
                    }
                    case 3:
                    {
                        uint s0 = 0, s1 = 0, s2 = 0;
                        for (; p < end; p += 3) { s0 += p[0]; s1 += p[1]; s2 += p[2]; }
                        sum[block] += s0; sum[block + 1] += s1; sum[block + 2] += s2;
                        break;
                    }
                    default:
                    {
                        uint s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                        for (; p < end; p += 4) { s0 += p[0]; s1 += p[1]; s2 += p[2]; s3 += p[3]; }
                        sum[block] += s0; sum[block + 1] += s1; sum[block + 2] += s2; sum[block + 3] += s3;
                        break;
                    }
                }
            }
        }
    }
}
