using ConcurrencyDemo.Imaging.Formats.Jpeg;
using ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;
using ConcurrencyDemo.Imaging.Memory;
using ConcurrencyDemo.Tests.Common;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Decoding;

/// <summary>
/// The SIMD kernels must give exactly the scalar kernels' output. The switches are process-wide, so
/// these tests run in one non-parallel collection and restore them.
/// </summary>
[Collection(nameof(JpegSimdTests))]
[CollectionDefinition(nameof(JpegSimdTests), DisableParallelization = true)]
public sealed unsafe class JpegSimdTests(ITestOutputHelper output)
{
    [Fact]
    public void Idct_SimdMatchesScalar_OnRandomAndExtremeBlocks()
    {
        if (!System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            output.WriteLine("Skipped: no AVX2 on this machine, only the scalar IDCT runs.");
            return;
        }
        var random = new Random(20240611);
        short* coefficients = stackalloc short[64];
        int* quantization = stackalloc int[64];
        byte* scalar = stackalloc byte[64];
        byte* simd = stackalloc byte[64];
        for (int trial = 0; trial < 20_000; trial++)
        {
            int kind = trial % 4;
            for (int i = 0; i < 64; i++)
            {
                quantization[i] = kind == 3 ? random.Next(1, 65536) : random.Next(1, 100);
                coefficients[i] = kind switch
                {
                    0 => (short)(random.Next(8) == 0 ? random.Next(-200, 200) : 0), // sparse, like photos
                    1 => (short)random.Next(-1024, 1024),
                    _ => (short)random.Next(short.MinValue, short.MaxValue + 1),     // overflow territory
                };
            }
            JpegIdct.TransformScalar(coefficients, quantization, scalar, 8);
            JpegIdct.TransformAvx2(coefficients, quantization, simd, 8);
            Assert.True(new Span<byte>(scalar, 64).SequenceEqual(new Span<byte>(simd, 64)), $"trial {trial}");
        }
    }

    [Fact]
    public void Idct_DcOnlyShortcut_MatchesFullTransform()
    {
        short* coefficients = stackalloc short[64];
        int* quantization = stackalloc int[64];
        byte* full = stackalloc byte[64];
        byte* shortcut = stackalloc byte[64];
        new Span<short>(coefficients, 64).Clear();
        for (int i = 0; i < 64; i++) quantization[i] = 16;
        for (int dc = -2048; dc <= 2047; dc += 7)
        {
            coefficients[0] = (short)dc;
            JpegIdct.TransformScalar(coefficients, quantization, full, 8);
            JpegIdct.TransformDcOnly(coefficients, quantization, shortcut, 8);
            Assert.True(new Span<byte>(full, 64).SequenceEqual(new Span<byte>(shortcut, 64)), $"dc {dc}");
        }
    }

    [Theory]
    [InlineData("baseline-420-large.jpg")]
    [InlineData("baseline-422.jpg")]
    [InlineData("baseline-440.jpg")]
    [InlineData("progressive-420.jpg")]
    [InlineData("rgb.jpg")]
    [InlineData("grey.jpg")]
    public void Decode_WithSimdOff_GivesTheSameImage(string fixture)
    {
        byte[] data = File.ReadAllBytes(TestPaths.Fixtures("jpeg", fixture));
        using ImageBuffer withSimd = JpegDecoder.Decode(data);
        ImageBuffer withoutSimd;
        (bool idct, bool upsampler, bool colour) = (JpegIdct.UseSimd, JpegUpsampler.UseSimd, JpegColorConverter.UseSimd);
        try
        {
            JpegIdct.UseSimd = JpegUpsampler.UseSimd = JpegColorConverter.UseSimd = false;
            withoutSimd = JpegDecoder.Decode(data);
        }
        finally
        {
            (JpegIdct.UseSimd, JpegUpsampler.UseSimd, JpegColorConverter.UseSimd) = (idct, upsampler, colour);
        }
        using (withoutSimd)
            Assert.True(withSimd.Pixels.SequenceEqual(withoutSimd.Pixels));
    }

    [Fact]
    public void RowKernels_SimdMatchesScalar_ForEveryWidth()
    {
        var random = new Random(7);
        byte[] a = new byte[300], b = new byte[300], c = new byte[300];
        random.NextBytes(a);
        random.NextBytes(b);
        random.NextBytes(c);
        (bool upsampler, bool colour) = (JpegUpsampler.UseSimd, JpegColorConverter.UseSimd);
        try
        {
            for (int width = 3; width < 200; width++)
            {
                byte[] Run(bool simd, Action<IntPtr, IntPtr, IntPtr, IntPtr, IntPtr> kernel)
                {
                    JpegUpsampler.UseSimd = JpegColorConverter.UseSimd = simd;
                    byte[] result = new byte[1000];
                    short[] sums = new short[400];
                    fixed (byte* pa = a, pb = b, pc = c, pr = result)
                    fixed (short* ps = sums)
                        kernel((IntPtr)pa, (IntPtr)pb, (IntPtr)pc, (IntPtr)pr, (IntPtr)ps);
                    return result;
                }
                var kernels = new (string Name, Action<IntPtr, IntPtr, IntPtr, IntPtr, IntPtr> Kernel)[]
                {
                    ("h2v1", (x, y, z, r, s) => JpegUpsampler.H2V1Fancy((byte*)x, width, (byte*)r)),
                    ("h2v2", (x, y, z, r, s) => JpegUpsampler.H2V2Fancy((byte*)x, (byte*)y, width, (byte*)r, (short*)s)),
                    ("h1v2 upper", (x, y, z, r, s) => JpegUpsampler.H1V2Fancy((byte*)x, (byte*)y, width, (byte*)r, true)),
                    ("h1v2 lower", (x, y, z, r, s) => JpegUpsampler.H1V2Fancy((byte*)x, (byte*)y, width, (byte*)r, false)),
                    ("ycbcr", (x, y, z, r, s) => JpegColorConverter.YCbCrToRgb((byte*)x, (byte*)y, (byte*)z, (byte*)r, width)),
                    ("rgb", (x, y, z, r, s) => JpegColorConverter.PlanarToRgb((byte*)x, (byte*)y, (byte*)z, (byte*)r, width)),
                };
                foreach (var (name, kernel) in kernels)
                    Assert.True(Run(false, kernel).AsSpan().SequenceEqual(Run(true, kernel)), $"{name} width {width}");
            }
        }
        finally
        {
            (JpegUpsampler.UseSimd, JpegColorConverter.UseSimd) = (upsampler, colour);
        }
    }
}
