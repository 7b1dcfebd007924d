using System.Runtime.CompilerServices;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>
/// Moves a block of image rows to and from the lane layout of <see cref="BoxBlurLaneKernel"/>:
/// position x holds pixel x of every row in the block (row-major within the position), so a
/// horizontal blur becomes a pass down positions with the rows running side by side in SIMD lanes.
/// Positions are <c>positionBytes</c> apart; rows missing from a short last block leave their lanes untouched.
/// </summary>
internal static unsafe class RowBlockTransposition
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gather(byte* firstRow, int stride, int rows, int width, int channels, byte* lanes, int positionBytes)
    {
        for (int row = 0; row < rows; row++)
        {
            byte* source = firstRow + (nint)row * stride;
            byte* target = lanes + row * channels;
            switch (channels)
            {
                case 1:
                    for (int x = 0; x < width; x++)
                        target[(nint)x * positionBytes] = source[x];
                    break;
                case 3:
                    for (int x = 0; x < width; x++)
                    {
                        byte* t = target + (nint)x * positionBytes;
                        byte* s = source + x * 3;
                        *(ushort*)t = *(ushort*)s;
                        t[2] = s[2];
                    }
                    break;
                default:
                    for (int x = 0; x < width; x++)
                        *(uint*)(target + (nint)x * positionBytes) = ((uint*)source)[x];
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scatter(byte* lanes, int positionBytes, byte* firstRow, int stride, int rows, int width, int channels)
    {
        for (int row = 0; row < rows; row++)
        {
            byte* target = firstRow + (nint)row * stride;
            byte* source = lanes + row * channels;
            switch (channels)
            {
                case 1:
                    for (int x = 0; x < width; x++)
                        target[x] = source[(nint)x * positionBytes];
                    break;
                case 3:
                    for (int x = 0; x < width; x++)
                    {
                        byte* s = source + (nint)x * positionBytes;
                        byte* t = target + x * 3;
                        *(ushort*)t = *(ushort*)s;
                        t[2] = s[2];
                    }
                    break;
                default:
                    for (int x = 0; x < width; x++)
                        ((uint*)target)[x] = *(uint*)(source + (nint)x * positionBytes);
                    break;
            }
        }
    }
}
