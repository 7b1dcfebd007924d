namespace ConcurrencyDemo.Imaging.Processing;

/// <summary>Which instruction set runs the box blur; every path gives identical bytes.</summary>
internal enum BoxBlurKernelPath
{
    Scalar,
    Avx2,
    Avx512,
}
