namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// Turns decoded component samples into output pixels one MCU row ("strip") at a time. Each component
/// keeps a ring of three strips, because fancy vertical upsampling of strip k needs the last row of
/// strip k-1 and the first row of strip k+1; strip k is emitted once strip k+1 is decoded. Memory is a
/// few strips per component plus the output image, whatever the image size.
/// </summary>
internal sealed unsafe class JpegOutputStage
{
    private const int RingSize = 3;
    private const int RowSlack = 64;

    private readonly JpegFrame _frame;
    private readonly JpegColorSpace _colorSpace;
    // Pinned (allocated on the pinned object heap) so raw pointers into them stay valid; they are small.
    private readonly byte[][] _strips;        // per component: RingSize strips of StripHeight rows
    private readonly int[] _stripHeights;     // rows per strip per component (V * 8)
    private readonly int[] _strides;          // bytes per strip row per component
    private readonly byte[][] _upsampledRows; // per component: one full-width row
    private readonly short[] _columnSums;

    public JpegOutputStage(JpegFrame frame, JpegColorSpace colorSpace)
    {
        _frame = frame;
        _colorSpace = colorSpace;
        int count = frame.Components.Length;
        _strips = new byte[count][];
        _stripHeights = new int[count];
        _strides = new int[count];
        _upsampledRows = new byte[count][];
        int maxStride = 0;
        for (int i = 0; i < count; i++)
        {
            JpegComponent c = frame.Components[i];
            _stripHeights[i] = c.VerticalFactor * 8;
            _strides[i] = c.BlocksPerLine * 8;
            _strips[i] = GC.AllocateUninitializedArray<byte>(_strides[i] * _stripHeights[i] * RingSize + RowSlack, pinned: true);
            _upsampledRows[i] = GC.AllocateUninitializedArray<byte>(frame.MaxHorizontalFactor * _strides[i] + RowSlack, pinned: true);
            maxStride = Math.Max(maxStride, _strides[i]);
        }
        _columnSums = GC.AllocateUninitializedArray<short>(maxStride + RowSlack, pinned: true);
    }

    public int Stride(int componentIndex) => _strides[componentIndex];

    /// <summary>The first sample of strip <paramref name="strip"/> of a component, for the IDCT to write into.</summary>
    public byte* StripPointer(int componentIndex, int strip)
    {
        int offset = (strip % RingSize) * _strides[componentIndex] * _stripHeights[componentIndex];
        return (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref _strips[componentIndex][offset]);
    }

    /// <summary>Writes the output rows of strip <paramref name="strip"/>; strips strip-1..strip+1 must be decoded.</summary>
    public void EmitStrip(int strip, byte* output, int outputStride)
    {
        int mcuHeight = _frame.McuHeight;
        int firstRow = strip * mcuHeight;
        int endRow = Math.Min(_frame.Height, firstRow + mcuHeight);
        int count = _frame.Components.Length;
        byte** rows = stackalloc byte*[4];
        fixed (short* columnSums = _columnSums)
        {
            for (int y = firstRow; y < endRow; y++)
            {
                for (int c = 0; c < count; c++)
                    rows[c] = ComponentRow(c, y, columnSums);
                ConvertRow(rows, output + (long)y * outputStride);
            }
        }
    }

    private byte* SampleRow(int componentIndex, int sampleRow)
    {
        JpegComponent component = _frame.Components[componentIndex];
        sampleRow = Math.Clamp(sampleRow, 0, component.SampleHeight - 1);
        int stripHeight = _stripHeights[componentIndex];
        int strip = sampleRow / stripHeight;
        int offset = ((strip % RingSize) * stripHeight + sampleRow % stripHeight) * _strides[componentIndex];
        return (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref _strips[componentIndex][offset]);
    }

    /// <summary>Returns output row <paramref name="y"/> of a component at full resolution.</summary>
    private byte* ComponentRow(int componentIndex, int y, short* columnSums)
    {
        JpegComponent component = _frame.Components[componentIndex];
        int horizontalRatio = _frame.MaxHorizontalFactor / component.HorizontalFactor;
        int verticalRatio = _frame.MaxVerticalFactor / component.VerticalFactor;
        if (horizontalRatio == 1 && verticalRatio == 1)
            return SampleRow(componentIndex, y);

        // The choice of kernel follows libjpeg-turbo's jinit_upsampler.
        int width = component.SampleWidth;
        byte* output = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref _upsampledRows[componentIndex][0]);
        if (verticalRatio == 2 && (horizontalRatio == 1 || (horizontalRatio == 2 && width > 2)))
        {
            int sampleRow = y >> 1;
            bool upper = (y & 1) == 0;
            byte* nearer = SampleRow(componentIndex, sampleRow);
            byte* further = SampleRow(componentIndex, upper ? sampleRow - 1 : sampleRow + 1);
            if (horizontalRatio == 1) JpegUpsampler.H1V2Fancy(nearer, further, width, output, upper);
            else JpegUpsampler.H2V2Fancy(nearer, further, width, output, columnSums);
        }
        else if (verticalRatio == 1 && horizontalRatio == 2 && width > 2)
        {
            JpegUpsampler.H2V1Fancy(SampleRow(componentIndex, y), width, output);
        }
        else
        {
            JpegUpsampler.Replicate(SampleRow(componentIndex, y / verticalRatio), width, horizontalRatio, output);
        }
        return output;
    }

    private void ConvertRow(byte** rows, byte* output)
    {
        int width = _frame.Width;
        switch (_colorSpace)
        {
            case JpegColorSpace.Gray:
                Buffer.MemoryCopy(rows[0], output, width, width);
                break;
            case JpegColorSpace.YCbCr:
                JpegColorConverter.YCbCrToRgb(rows[0], rows[1], rows[2], output, width);
                break;
            case JpegColorSpace.Rgb:
                JpegColorConverter.PlanarToRgb(rows[0], rows[1], rows[2], output, width);
                break;
            case JpegColorSpace.Cmyk:
                JpegColorConverter.InvertedCmykToRgb(rows[0], rows[1], rows[2], rows[3], output, width);
                break;
            case JpegColorSpace.Ycck:
                JpegColorConverter.YcckToRgb(rows[0], rows[1], rows[2], rows[3], output, width);
                break;
        }
    }
}
