using System.Buffers;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Encoding;

/// <summary>
/// Produces the entropy-coded data of the single interleaved baseline scan. The image is processed one
/// MCU row (8 or 16 pixel rows) at a time: converted to Y/Cb/Cr planes padded to whole MCUs by
/// replicating the last column and row (as libjpeg does), chroma optionally halved, then each 8x8
/// block goes through DCT, quantisation and Huffman coding without allocating.
/// </summary>
internal sealed unsafe class JpegScanEncoder
{
    private readonly ImageBuffer _image;
    private readonly bool _subsampleChroma;
    private readonly CoefficientQuantizer _luma;
    private readonly CoefficientQuantizer? _chroma;
    private readonly JpegBitWriter _writer;

    public JpegScanEncoder(ImageBuffer image, bool subsampleChroma, CoefficientQuantizer luma, CoefficientQuantizer? chroma, JpegBitWriter writer)
    {
        _image = image;
        _subsampleChroma = subsampleChroma;
        _luma = luma;
        _chroma = chroma;
        _writer = writer;
    }

    private bool IsGray => _chroma is null;

    public void Encode()
    {
        int mcuSize = _subsampleChroma ? 16 : 8;
        int paddedWidth = (_image.Width + mcuSize - 1) / mcuSize * mcuSize;
        int planeLength = paddedWidth * mcuSize;
        int halfWidth = paddedWidth / 2;
        int lumaBlocksWide = (_image.Width + 7) / 8;
        int lumaBlocksHigh = (_image.Height + 7) / 8;
        byte[] luma = ArrayPool<byte>.Shared.Rent(planeLength);
        byte[] blue = ArrayPool<byte>.Shared.Rent(planeLength);
        byte[] red = ArrayPool<byte>.Shared.Rent(planeLength);
        byte[] smallBlue = ArrayPool<byte>.Shared.Rent(halfWidth * 8);
        byte[] smallRed = ArrayPool<byte>.Shared.Rent(halfWidth * 8);
        try
        {
            int* coefficients = stackalloc int[64];
            short* zigZag = stackalloc short[64];
            int lumaDc = 0, blueDc = 0, redDc = 0;
            fixed (byte* y = luma, cb = blue, cr = red, smallCb = smallBlue, smallCr = smallRed)
            {
                for (int top = 0; top < _image.Height; top += mcuSize)
                {
                    FillPlanes(top, mcuSize, paddedWidth, luma, blue, red);
                    if (_subsampleChroma)
                    {
                        // Like libjpeg, only the image's rows (made even by repeating the last) are averaged;
                        // the chroma rows below them repeat the last averaged row rather than average padding.
                        int chromaRows = (Math.Min(mcuSize, _image.Height - top) + 1) / 2;
                        for (int row = 0; row < 8; row++)
                        {
                            if (row >= chromaRows)
                            {
                                smallBlue.AsSpan((row - 1) * halfWidth, halfWidth).CopyTo(smallBlue.AsSpan(row * halfWidth));
                                smallRed.AsSpan((row - 1) * halfWidth, halfWidth).CopyTo(smallRed.AsSpan(row * halfWidth));
                                continue;
                            }
                            ChromaDownsampler.DownsampleRowPair(blue.AsSpan(2 * row * paddedWidth, paddedWidth),
                                blue.AsSpan((2 * row + 1) * paddedWidth, paddedWidth), smallBlue.AsSpan(row * halfWidth, halfWidth));
                            ChromaDownsampler.DownsampleRowPair(red.AsSpan(2 * row * paddedWidth, paddedWidth),
                                red.AsSpan((2 * row + 1) * paddedWidth, paddedWidth), smallRed.AsSpan(row * halfWidth, halfWidth));
                        }
                    }
                    for (int left = 0; left < paddedWidth; left += mcuSize)
                    {
                        if (_subsampleChroma)
                        {
                            for (int blockRow = 0; blockRow < 2; blockRow++)
                                for (int blockColumn = 0; blockColumn < 2; blockColumn++)
                                {
                                    if ((left >> 3) + blockColumn >= lumaBlocksWide || (top >> 3) + blockRow >= lumaBlocksHigh)
                                        EncodeDummyBlock(ref lumaDc, zigZag);
                                    else
                                        EncodeBlock(y + 8 * blockRow * paddedWidth + left + 8 * blockColumn, paddedWidth,
                                            _luma, ref lumaDc, true, coefficients, zigZag);
                                }
                            EncodeBlock(smallCb + left / 2, halfWidth, _chroma!, ref blueDc, false, coefficients, zigZag);
                            EncodeBlock(smallCr + left / 2, halfWidth, _chroma!, ref redDc, false, coefficients, zigZag);
                        }
                        else
                        {
                            EncodeBlock(y + left, paddedWidth, _luma, ref lumaDc, true, coefficients, zigZag);
                            if (!IsGray)
                            {
                                EncodeBlock(cb + left, paddedWidth, _chroma!, ref blueDc, false, coefficients, zigZag);
                                EncodeBlock(cr + left, paddedWidth, _chroma!, ref redDc, false, coefficients, zigZag);
                            }
                        }
                    }
                }
            }
            _writer.Finish();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(luma);
            ArrayPool<byte>.Shared.Return(blue);
            ArrayPool<byte>.Shared.Return(red);
            ArrayPool<byte>.Shared.Return(smallBlue);
            ArrayPool<byte>.Shared.Return(smallRed);
        }
    }

    /// <summary>Fills <paramref name="rows"/> plane rows from image rows starting at <paramref name="top"/>, replicating the edges.</summary>
    private void FillPlanes(int top, int rows, int paddedWidth, byte[] luma, byte[] blue, byte[] red)
    {
        int width = _image.Width;
        for (int row = 0; row < rows; row++)
        {
            Span<byte> y = luma.AsSpan(row * paddedWidth, paddedWidth);
            Span<byte> cb = blue.AsSpan(row * paddedWidth, paddedWidth);
            Span<byte> cr = red.AsSpan(row * paddedWidth, paddedWidth);
            if (top + row >= _image.Height)
            {
                // Below the image: repeat the last real row, which is already converted in the row above.
                luma.AsSpan((row - 1) * paddedWidth, paddedWidth).CopyTo(y);
                if (!IsGray)
                {
                    blue.AsSpan((row - 1) * paddedWidth, paddedWidth).CopyTo(cb);
                    red.AsSpan((row - 1) * paddedWidth, paddedWidth).CopyTo(cr);
                }
                continue;
            }
            ReadOnlySpan<byte> source = _image.GetRow(top + row);
            if (IsGray)
            {
                source.CopyTo(y);
                y[width..].Fill(y[width - 1]);
            }
            else
            {
                YCbCrConverter.ConvertRow(source, _image.Channels, width, y, cb, cr);
                y[width..].Fill(y[width - 1]);
                cb[width..].Fill(cb[width - 1]);
                cr[width..].Fill(cr[width - 1]);
            }
        }
    }

    /// <summary>
    /// A 4:2:0 MCU that sticks out past the luma's last whole block gets libjpeg's dummy blocks
    /// (jccoefct.c): no AC energy and the DC of the block before it, which is exactly the predictor, so
    /// they cost a few bits and decoders crop them away. Doing the same keeps our files identical to cjpeg's.
    /// </summary>
    private void EncodeDummyBlock(ref int previousDc, short* zigZag)
    {
        zigZag[0] = (short)previousDc;
        HuffmanBlockEncoder.Encode(zigZag, 0, ref previousDc, HuffmanEncodingTable.LuminanceDc, HuffmanEncodingTable.LuminanceAc, _writer);
    }

    private void EncodeBlock(byte* samples, int stride, CoefficientQuantizer quantizer, ref int previousDc, bool isLuma,
        int* coefficients, short* zigZag)
    {
        ForwardDct.Transform(samples, stride, coefficients);
        ulong nonZero = quantizer.Quantize(coefficients, zigZag);
        if (isLuma)
            HuffmanBlockEncoder.Encode(zigZag, nonZero, ref previousDc, HuffmanEncodingTable.LuminanceDc, HuffmanEncodingTable.LuminanceAc, _writer);
        else
            HuffmanBlockEncoder.Encode(zigZag, nonZero, ref previousDc, HuffmanEncodingTable.ChrominanceDc, HuffmanEncodingTable.ChrominanceAc, _writer);
    }
}
