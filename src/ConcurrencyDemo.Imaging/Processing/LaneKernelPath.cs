using System.Runtime.Intrinsics.X86;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>Which instruction set runs a lane kernel (box blur, bicubic rows); every path gives identical bytes.</summary>
internal enum LaneKernelPath
{
    Scalar,
    Avx2,
    Avx512,
}

internal static class LaneKernels
{
    /// <summary>
    /// Lanes are processed in groups of this many: one 16-byte load, widened to 32-bit sums. A kernel's laneCount
    /// must be a multiple of it, and a block of this many rows of any pixel format fills whole groups.
    /// </summary>
    public const int LaneGroup = 16;

    /// <summary>The widest path this processor runs.</summary>
    public static LaneKernelPath Best { get; } =
        Avx512F.IsSupported ? LaneKernelPath.Avx512
        : Avx2.IsSupported ? LaneKernelPath.Avx2
        : LaneKernelPath.Scalar;
}
