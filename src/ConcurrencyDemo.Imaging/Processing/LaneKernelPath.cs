using System.Runtime.Intrinsics.X86;

namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>Which instruction set runs a lane kernel (box blur, bicubic rows); every path gives identical bytes.</summary>
internal enum LaneKernelPath
{
    Scalar,
    Avx2,
    Avx512,
}

internal static class LaneKernelPaths
{
    /// <summary>The widest path this processor runs.</summary>
    public static LaneKernelPath Best { get; } =
        Avx512F.IsSupported ? LaneKernelPath.Avx512
        : Avx2.IsSupported ? LaneKernelPath.Avx2
        : LaneKernelPath.Scalar;
}
