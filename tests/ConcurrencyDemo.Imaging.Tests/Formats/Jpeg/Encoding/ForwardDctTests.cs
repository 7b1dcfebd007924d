using ConcurrencyDemo.Imaging.Formats.Jpeg.Encoding;
using Xunit.Abstractions;

namespace ConcurrencyDemo.Imaging.Tests.Formats.Jpeg.Encoding;

public sealed unsafe class ForwardDctTests(ITestOutputHelper output)
{
    [Fact]
    public void VectorPathEqualsScalarPathBitForBit()
    {
        if (!ForwardDct.IsVectorized)
        {
            output.WriteLine("Skipped: no AVX2 on this machine, only the scalar path runs.");
            return;
        }
        var random = new Random(42);
        byte* samples = stackalloc byte[12 * 8];
        int* scalar = stackalloc int[64];
        int* vector = stackalloc int[64];
        for (int trial = 0; trial < 2000; trial++)
        {
            for (int i = 0; i < 12 * 8; i++)
                samples[i] = trial % 4 == 0 ? (byte)(random.Next(2) * 255) : (byte)random.Next(256);
            ForwardDct.TransformScalar(samples, 12, scalar);
            ForwardDct.Transform(samples, 12, vector);
            Assert.True(new Span<int>(scalar, 64).SequenceEqual(new Span<int>(vector, 64)), $"trial {trial} differs");
        }
    }

    [Fact]
    public void ScalarPathApproximatesTheExactDctScaledByEight()
    {
        var random = new Random(7);
        byte* samples = stackalloc byte[64];
        int* coefficients = stackalloc int[64];
        for (int trial = 0; trial < 200; trial++)
        {
            for (int i = 0; i < 64; i++) samples[i] = (byte)random.Next(256);
            ForwardDct.TransformScalar(samples, 8, coefficients);
            for (int v = 0; v < 8; v++)
                for (int u = 0; u < 8; u++)
                {
                    double sum = 0;
                    for (int y = 0; y < 8; y++)
                        for (int x = 0; x < 8; x++)
                            sum += (samples[y * 8 + x] - 128) * Math.Cos((2 * x + 1) * u * Math.PI / 16) * Math.Cos((2 * y + 1) * v * Math.PI / 16);
                    double cu = u == 0 ? Math.Sqrt(0.5) : 1, cv = v == 0 ? Math.Sqrt(0.5) : 1;
                    double exact = 0.25 * cu * cv * sum * 8;
                    Assert.InRange(coefficients[v * 8 + u], exact - 4, exact + 4);
                }
        }
    }

    [Fact]
    public void FlatBlockHasOnlyADcTerm()
    {
        byte* samples = stackalloc byte[64];
        int* coefficients = stackalloc int[64];
        new Span<byte>(samples, 64).Fill(200);
        ForwardDct.Transform(samples, 8, coefficients);
        Assert.Equal((200 - 128) * 8 * 8, coefficients[0]);
        for (int i = 1; i < 64; i++) Assert.Equal(0, coefficients[i]);
    }
}
