using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ConcurrencyDemo.Imaging.Formats.Exif;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// Decodes one JPEG stream: reads the markers, keeps the tables they define, and runs each scan.
/// A sequential image whose one scan holds every component is decoded straight to pixels MCU row by
/// MCU row; for progressive and multi-scan images the markers are read to the end first, noting where each
/// scan's data starts, and then all the scans take turns on each MCU row (see <see cref="JpegBufferedScan"/>)
/// before it is inverse-transformed and converted the same strip-wise way, so that only one MCU row of
/// coefficients exists at a time (see <see cref="JpegCoefficientBuffer"/>).
/// </summary>
internal sealed unsafe class JpegDecoderSession : IDisposable
{
    private readonly DecodeOptions _options;
    private readonly DecodedRowsCallback? _rowsDecoded;
    private readonly JpegHuffmanTable?[] _dcTables = new JpegHuffmanTable?[4];
    private readonly JpegHuffmanTable?[] _acTables = new JpegHuffmanTable?[4];
    private readonly int[]?[] _quantizationTables = new int[]?[4];
    private JpegFrame? _frame;
    private int _restartInterval;
    private bool _sawJfif;
    private int? _adobeTransform;
    private int _orientation = 1;

    private ImageBuffer? _image;
    private JpegOutputStage? _outputStage;
    private bool _streamed;          // the single sequential scan has already produced the pixels
    private bool _dataRanOut;        // a scan needed more entropy-coded bits than the file holds
    private readonly List<JpegBufferedScan> _bufferedScans = new();
    private int _scanCount;

    private JpegDecoderSession(DecodeOptions options, DecodedRowsCallback? rowsDecoded = null)
    {
        _options = options;
        _rowsDecoded = rowsDecoded;
    }

    public static ImageBuffer Decode(ReadOnlySpan<byte> data, DecodeOptions options, DecodedRowsCallback? rowsDecoded = null)
    {
        using var session = new JpegDecoderSession(options, rowsDecoded);
        return session.Run(data);
    }

    public static JpegInfo Identify(ReadOnlySpan<byte> data)
    {
        using var session = new JpegDecoderSession(DecodeOptions.Default);
        var reader = new JpegMarkerReader(data);
        reader.ExpectStartOfImage();
        while (reader.TryReadMarker(out byte marker))
        {
            if (marker == JpegMarker.Sos || marker == JpegMarker.Eoi) break;
            session.ReadHeaderMarker(ref reader, marker);
        }
        JpegFrame frame = session._frame ?? throw new InvalidImageException("no frame header (missing SOF marker)");
        var format = frame.Components.Length == 1 ? PixelFormat.Gray8 : PixelFormat.Rgb24;
        return new JpegInfo(frame.Width, frame.Height, frame.Components.Length, frame.IsProgressive, format, session._orientation);
    }

    private ImageBuffer Run(ReadOnlySpan<byte> data)
    {
        var reader = new JpegMarkerReader(data);
        reader.ExpectStartOfImage();
        bool sawEoi = false;
        while (!sawEoi && reader.TryReadMarker(out byte marker))
        {
            switch (marker)
            {
                case JpegMarker.Sos:
                    ReadScan(ref reader);
                    break;
                case JpegMarker.Eoi:
                    sawEoi = true;
                    break;
                default:
                    ReadHeaderMarker(ref reader, marker);
                    break;
            }
        }
        // A missing EOI is tolerated like libjpeg does (it warns): the data simply ended.
        if (_frame is null) throw new InvalidImageException("no frame header (missing SOF marker)");
        if (_scanCount == 0) throw new InvalidImageException("no image data (missing SOS marker)");
        if (!_streamed) DecodeBufferedImage(data);
        // Like Pillow (and unlike djpeg, which only warns), a cut-off file is an error unless the caller
        // asks for what is there: a half-grey photo must not pass silently through a batch. A buffered image's
        // scans are known to have run out only after their last turns, so such a file is decoded in vain first.
        if (_dataRanOut && !_options.AllowTruncated)
            throw new InvalidImageException("truncated data: the image data ends before the image is complete");
        ImageBuffer image = _image!;
        image.Orientation = _orientation;
        _image = null;
        return image;
    }

    private void ReadHeaderMarker(ref JpegMarkerReader reader, byte marker)
    {
        switch (marker)
        {
            case JpegMarker.Sof0Baseline:
            case JpegMarker.Sof1ExtendedSequential:
            case JpegMarker.Sof2Progressive:
                if (_frame is not null) throw new InvalidImageException("more than one frame header (duplicate SOF marker)");
                _frame = JpegFrame.Parse(reader.ReadSegment("SOF"), progressive: marker == JpegMarker.Sof2Progressive);
                CheckPixelLimit(_frame);
                break;
            case JpegMarker.Sof3Lossless:
            case JpegMarker.Sof7DifferentialLossless:
            case JpegMarker.Sof11ArithmeticLossless:
            case JpegMarker.Sof15:
                throw new UnsupportedImageException("lossless JPEG");
            case JpegMarker.Sof5DifferentialSequential:
            case JpegMarker.Sof6DifferentialProgressive:
            case JpegMarker.Dhp:
            case JpegMarker.Exp:
                throw new UnsupportedImageException("hierarchical JPEG");
            case JpegMarker.Sof9ArithmeticSequential:
            case JpegMarker.Sof10ArithmeticProgressive:
            case JpegMarker.Sof13:
            case JpegMarker.Sof14:
            case JpegMarker.Dac:
                throw new UnsupportedImageException("arithmetic coding");
            case JpegMarker.Dht:
                ReadHuffmanTables(reader.ReadSegment("DHT"));
                break;
            case JpegMarker.Dqt:
                ReadQuantizationTables(reader.ReadSegment("DQT"));
                break;
            case JpegMarker.Dri:
                ReadOnlySpan<byte> dri = reader.ReadSegment("DRI");
                if (dri.Length < 2) throw new InvalidImageException("truncated DRI segment");
                _restartInterval = (dri[0] << 8) | dri[1];
                break;
            case JpegMarker.App0:
                if (reader.ReadSegment("APP0").StartsWith("JFIF\0"u8)) _sawJfif = true;
                break;
            case JpegMarker.App1:
                ReadOnlySpan<byte> app1 = reader.ReadSegment("APP1");
                if (ExifOrientationReader.ReadFromApp1(app1) is int orientation) _orientation = orientation;
                break;
            case JpegMarker.App14:
                ReadOnlySpan<byte> app14 = reader.ReadSegment("APP14");
                if (app14.Length >= 12 && app14.StartsWith("Adobe"u8)) _adobeTransform = app14[11];
                break;
            case JpegMarker.Soi:
                throw new InvalidImageException("bogus marker: a second SOI");
            case JpegMarker.Tem:
            case >= JpegMarker.Rst0 and <= JpegMarker.Rst7:
                break; // stand-alone markers without a length; libjpeg ignores them here too
            case >= JpegMarker.App0 and <= JpegMarker.App15:
            case JpegMarker.Com:
            case JpegMarker.Dnl:
                reader.ReadSegment("APPn/COM");
                break;
            default:
                throw new InvalidImageException($"bogus marker 0xFF{marker:X2}");
        }
    }

    private void CheckPixelLimit(JpegFrame frame)
    {
        long pixels = (long)frame.Width * frame.Height;
        if (pixels > _options.MaxPixels)
            throw new InvalidImageException($"image of {frame.Width}x{frame.Height} = {pixels} pixels exceeds the limit of {_options.MaxPixels} pixels");
    }

    private void ReadHuffmanTables(ReadOnlySpan<byte> segment)
    {
        while (segment.Length > 0)
        {
            if (segment.Length < 17) throw new InvalidImageException("truncated DHT segment");
            int tableClass = segment[0] >> 4;
            int slot = segment[0] & 15;
            if (tableClass > 1 || slot > 3)
                throw new InvalidImageException($"bad Huffman table id 0x{segment[0]:X2}");
            ReadOnlySpan<byte> counts = segment.Slice(1, 16);
            int total = 0;
            foreach (byte count in counts) total += count;
            if (total > 256) throw new InvalidImageException("bad Huffman table: more than 256 symbols");
            if (segment.Length < 17 + total) throw new InvalidImageException("truncated DHT segment");
            JpegHuffmanTable table = JpegHuffmanTable.Build(counts, segment.Slice(17, total));
            if (tableClass == 0) _dcTables[slot] = table; else _acTables[slot] = table;
            segment = segment[(17 + total)..];
        }
    }

    private void ReadQuantizationTables(ReadOnlySpan<byte> segment)
    {
        ReadOnlySpan<byte> zigZag = JpegTables.ZigZagToNatural;
        while (segment.Length > 0)
        {
            int precision = segment[0] >> 4;
            int slot = segment[0] & 15;
            if (precision > 1 || slot > 3)
                throw new InvalidImageException($"bad quantization table id 0x{segment[0]:X2}");
            int size = precision == 0 ? 64 : 128;
            if (segment.Length < 1 + size) throw new InvalidImageException("truncated DQT segment");
            var table = GC.AllocateUninitializedArray<int>(64, pinned: true);
            for (int i = 0; i < 64; i++)
                table[zigZag[i]] = precision == 0 ? segment[1 + i] : (segment[1 + 2 * i] << 8) | segment[2 + 2 * i];
            _quantizationTables[slot] = table;
            segment = segment[(1 + size)..];
        }
    }

    private void ReadScan(ref JpegMarkerReader reader)
    {
        JpegFrame frame = _frame ?? throw new InvalidImageException("scan before the frame header (SOS before SOF)");
        JpegScanHeader scan = JpegScanHeader.Parse(reader.ReadSegment("SOS"), frame, _dcTables, _acTables);
        if (_streamed)
        {
            // Extra scans after a complete single-scan sequential image carry nothing we can use.
            return;
        }
        PrepareScan(frame, scan);
        _scanCount++;

        bool streaming = _scanCount == 1 && !frame.IsProgressive && scan.Components.Length == frame.Components.Length;
        EnsureOutputStage(frame);
        if (streaming)
        {
            _image = new ImageBuffer(frame.Width, frame.Height, OutputFormat(frame));
            int resume;
            fixed (byte* output = _image.Array)
                resume = DecodeStreamingScan(reader.Data, reader.Position, frame, scan, output);
            _streamed = true;
            reader.Position = Math.Max(reader.Position, resume);
        }
        else
        {
            // Decoded once every scan is known. Meanwhile the marker reader skips the entropy-coded data up to
            // the next marker that is not a restart marker, which is where a reader of the scan's bits stops too.
            // Each scan waiting costs memory, so their number is bounded, as libjpeg-turbo's scan limit does.
            if (_bufferedScans.Count >= _options.MaxScans)
                throw new InvalidImageException($"more than {_options.MaxScans} scans: real progressive files have a few dozen at most");
            _bufferedScans.Add(new JpegBufferedScan(frame, scan, _restartInterval, reader.Position));
        }
    }

    private void PrepareScan(JpegFrame frame, JpegScanHeader scan)
    {
        bool needsDc = !frame.IsProgressive || (scan.SpectralStart == 0 && scan.SuccessiveHigh == 0);
        bool needsAc = !frame.IsProgressive || scan.SpectralStart != 0;
        foreach (JpegScanComponent scanComponent in scan.Components)
        {
            // Like libjpeg, a component's quantisation table is fixed by its first scan.
            JpegComponent frameComponent = scanComponent.Component;
            if (frameComponent.Quantization is null)
            {
                frameComponent.Quantization = _quantizationTables[frameComponent.QuantizationTableId]
                    ?? throw new InvalidImageException($"quantization table {frameComponent.QuantizationTableId} was not defined");
            }
            if (needsDc)
            {
                if (scanComponent.DcTable is null) throw new InvalidImageException($"Huffman table {scanComponent.DcTableId} (DC) was not defined");
                if (scanComponent.DcTable.MaxSymbol > 15) throw new InvalidImageException("bad Huffman table: DC symbol above 15");
            }
            if (needsAc && scanComponent.AcTable is null)
                throw new InvalidImageException($"Huffman table {scanComponent.AcTableId} (AC) was not defined");
        }
    }

    private static PixelFormat OutputFormat(JpegFrame frame) =>
        frame.Components.Length == 1 ? PixelFormat.Gray8 : PixelFormat.Rgb24;

    // Created at the first scan (as the output image was before), so the colour space follows the markers seen up to it.
    private void EnsureOutputStage(JpegFrame frame)
    {
        if (_outputStage is not null) return;
        JpegColorSpace colorSpace = JpegColorSpaceRules.Resolve(frame, _sawJfif, _adobeTransform);
        _outputStage = new JpegOutputStage(frame, colorSpace);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int DecodeStreamingScan(ReadOnlySpan<byte> data, int start, JpegFrame frame, JpegScanHeader scan, byte* output)
    {
        var bits = new JpegBitReader(data, start);
        JpegOutputStage stage = _outputStage!;
        JpegScanComponent[] components = scan.Components;
        short* block = stackalloc short[64];
        new Span<short>(block, 64).Clear();
        byte* naturalOrder = JpegNaturalOrder.Pointer;
        int outputStride = _image!.Stride;
        int restartsLeft = _restartInterval;
        var strips = stackalloc byte*[JpegFrame.MaxComponents];
        var quantization = stackalloc int*[JpegFrame.MaxComponents];
        var handles = new GCHandle[components.Length];
        try
        {
            for (int i = 0; i < components.Length; i++)
            {
                handles[i] = GCHandle.Alloc(components[i].Component.Quantization!, GCHandleType.Pinned);
                quantization[i] = (int*)handles[i].AddrOfPinnedObject();
            }
            for (int mcuRow = 0; mcuRow < frame.McuRows; mcuRow++)
            {
                for (int i = 0; i < components.Length; i++)
                    strips[i] = stage.StripPointer(components[i].Component.Index, mcuRow);
                for (int mcuX = 0; mcuX < frame.McusPerLine; mcuX++)
                {
                    if (_restartInterval > 0)
                    {
                        if (restartsLeft == 0)
                        {
                            bits.TryConsumeRestartMarker();
                            foreach (JpegScanComponent c in components) c.DcPredictor = 0;
                            restartsLeft = _restartInterval;
                        }
                        restartsLeft--;
                    }
                    bool missingData = bits.IsOverrun;
                    for (int i = 0; i < components.Length; i++)
                    {
                        JpegScanComponent scanComponent = components[i];
                        JpegComponent component = scanComponent.Component;
                        int stride = stage.Stride(component.Index);
                        for (int v = 0; v < component.VerticalFactor; v++)
                        {
                            for (int h = 0; h < component.HorizontalFactor; h++)
                            {
                                byte* destination = strips[i] + v * 8 * stride + (mcuX * component.HorizontalFactor + h) * 8;
                                if (missingData)
                                {
                                    // libjpeg leaves blocks after the end of the data at zero: flat mid-grey.
                                    JpegIdct.TransformDcOnly(block, quantization[i], destination, stride);
                                    continue;
                                }
                                int last = JpegSequentialScanDecoder.DecodeBlock(ref bits, scanComponent, block, naturalOrder);
                                if (last == 0) JpegIdct.TransformDcOnly(block, quantization[i], destination, stride);
                                else JpegIdct.Transform(block, quantization[i], destination, stride);
                                ClearBlock(block);
                            }
                        }
                    }
                }
                if (mcuRow > 0) EmitStrip(mcuRow - 1, output, outputStride);
            }
            EmitStrip(frame.McuRows - 1, output, outputStride);
        }
        finally
        {
            foreach (GCHandle handle in handles) if (handle.IsAllocated) handle.Free();
        }
        _dataRanOut |= bits.IsOverrun;
        return bits.ResumePosition;
    }

    /// <summary>Converts one strip to output pixels and tells the caller which rows are final.</summary>
    private void EmitStrip(int strip, byte* output, int outputStride)
    {
        _outputStage!.EmitStrip(strip, output, outputStride);
        if (_rowsDecoded is not { } rowsDecoded) return;
        JpegFrame frame = _frame!;
        int rows = Math.Min(frame.Height, (strip + 1) * frame.McuHeight);
        rowsDecoded(new Span<byte>(output, rows * outputStride), frame.Width, frame.Height, OutputFormat(frame));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ClearBlock(short* block)
    {
        var zero = Vector256<short>.Zero;
        Vector256.Store(zero, block);
        Vector256.Store(zero, block + 16);
        Vector256.Store(zero, block + 32);
        Vector256.Store(zero, block + 48);
    }

    /// <summary>
    /// Decodes every scan's part of an MCU row, inverse-transforms that row into the output stage's strips,
    /// and converts the row before it to pixels; then the next MCU row, in the same coefficient buffer.
    /// </summary>
    private void DecodeBufferedImage(ReadOnlySpan<byte> data)
    {
        JpegFrame frame = _frame!;
        JpegOutputStage stage = _outputStage!;
        JpegComponent[] components = frame.Components;
        // Components no scan mentioned still need a table: an all-zero block with any table is mid-grey.
        foreach (JpegComponent component in components)
            component.Quantization ??= _quantizationTables[component.QuantizationTableId] ?? new int[64];
        using JpegCoefficientBuffer coefficients = JpegCoefficientBuffer.Create(frame);
        PixelFormat format = OutputFormat(frame);
        int outputStride = frame.Width * (int)format;
        // Owned by the session until returned, so a failure gives it back to the pool.
        _image = new ImageBuffer(frame.Width, frame.Height, format);
        var handles = new List<GCHandle>();
        try
        {
            var quantization = stackalloc int*[JpegFrame.MaxComponents];
            for (int i = 0; i < components.Length; i++)
            {
                GCHandle q = GCHandle.Alloc(components[i].Quantization!, GCHandleType.Pinned);
                handles.Add(q);
                quantization[i] = (int*)q.AddrOfPinnedObject();
            }
            fixed (byte* output = _image.Array)
            {
                for (int strip = 0; strip < frame.McuRows; strip++)
                {
                    coefficients.Clear();
                    foreach (JpegBufferedScan scan in _bufferedScans)
                        scan.DecodeThrough(data, coefficients, strip);
                    for (int i = 0; i < components.Length; i++)
                    {
                        JpegComponent component = components[i];
                        byte* stripBase = stage.StripPointer(i, strip);
                        int stride = stage.Stride(i);
                        for (int v = 0; v < component.VerticalFactor; v++)
                        {
                            short* block = coefficients.BlockRow(i, v);
                            byte* destination = stripBase + v * 8 * stride;
                            for (int x = 0; x < component.BlocksPerLine; x++, block += 64, destination += 8)
                            {
                                if (HasOnlyDc(block)) JpegIdct.TransformDcOnly(block, quantization[i], destination, stride);
                                else JpegIdct.Transform(block, quantization[i], destination, stride);
                            }
                        }
                    }
                    // Strip strip-1 needs strip's first rows for fancy upsampling, which are now in the stage's strips.
                    if (strip > 0) EmitStrip(strip - 1, output, outputStride);
                }
                EmitStrip(frame.McuRows - 1, output, outputStride);
            }
        }
        finally
        {
            foreach (GCHandle handle in handles) handle.Free();
        }
        foreach (JpegBufferedScan scan in _bufferedScans)
            _dataRanOut |= scan.RanOut;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasOnlyDc(short* block)
    {
        Vector256<short> any = Vector256.Load(block) & Vector256.Create((short)0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
        any |= Vector256.Load(block + 16) | Vector256.Load(block + 32) | Vector256.Load(block + 48);
        return any == Vector256<short>.Zero;
    }

    public void Dispose()
    {
        // Only reached with an image still here when decoding failed.
        _image?.Dispose();
        _image = null;
    }
}
