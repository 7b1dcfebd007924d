namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>
/// One scan of a buffered (progressive or multi-scan) image, decoded a few block rows at a time. All the
/// image's scans take turns on each MCU row, so that a row's coefficients are complete, transformed and
/// emitted while they are still in the cache, instead of every scan sweeping the whole image's coefficients
/// (tens of megabytes for a photo) through memory in turn. The scan keeps everything that must survive
/// between turns: where its bits are, its restart count and its end-of-band run; its header's components
/// keep their tables and DC predictors (<see cref="JpegScanComponent"/>).
/// </summary>
internal sealed unsafe class JpegBufferedScan
{
    private enum Kind { Sequential, DcFirst, DcRefine, AcFirst, AcRefine }

    private readonly JpegScanHeader _header;
    private readonly Kind _kind;
    private readonly int _restartInterval;
    private readonly bool _interleaved;
    private readonly int _mcusPerLine;
    private readonly int _mcuRows;
    private JpegBitReader.SavedState _bits;
    private int _restartsLeft;
    private int _endOfBandRun;
    private int _nextMcuRow;

    /// <summary>A scan whose header has just been read (and its tables checked); its data starts at <paramref name="start"/>.</summary>
    public JpegBufferedScan(JpegFrame frame, JpegScanHeader header, int restartInterval, int start)
    {
        _header = header;
        _kind = !frame.IsProgressive ? Kind.Sequential
            : header.SpectralStart == 0 ? (header.SuccessiveHigh == 0 ? Kind.DcFirst : Kind.DcRefine)
            : (header.SuccessiveHigh == 0 ? Kind.AcFirst : Kind.AcRefine);
        JpegScanComponent[] components = header.Components;
        _restartInterval = restartInterval;
        _restartsLeft = restartInterval;
        _interleaved = components.Length > 1;
        _mcusPerLine = _interleaved ? frame.McusPerLine : components[0].Component.WidthInBlocks;
        _mcuRows = _interleaved ? frame.McuRows : components[0].Component.HeightInBlocks;
        _bits = JpegBitReader.SavedState.At(start);
    }

    /// <summary>
    /// Whether the scan, where its last turn left it, had consumed bits that were not in the data (truncated or
    /// corrupt); read once every turn is taken, as the old whole-scan decoding read it at the scan's end.
    /// </summary>
    public bool RanOut => _bits.IsOverrun;

    /// <summary>
    /// Decodes this scan's part of the frame's MCU rows up to and including <paramref name="frameMcuRow"/>: that
    /// MCU row itself for an interleaved scan, the component's block rows within it for a single-component one.
    /// </summary>
    public void DecodeThrough(ReadOnlySpan<byte> data, JpegCoefficientBuffer coefficients, int frameMcuRow)
    {
        int end = _interleaved ? frameMcuRow + 1 : (frameMcuRow + 1) * _header.Components[0].Component.VerticalFactor;
        end = Math.Min(end, _mcuRows);
        if (_nextMcuRow >= end) return;

        var bits = new JpegBitReader(data, _bits);
        DecodeRows(ref bits, coefficients, _nextMcuRow, end);
        _bits = bits.Saved;
        _nextMcuRow = end;
    }

    private void DecodeRows(ref JpegBitReader bits, JpegCoefficientBuffer coefficients, int firstRow, int endRow)
    {
        JpegScanHeader scan = _header;
        JpegScanComponent[] components = scan.Components;
        byte* naturalOrder = JpegNaturalOrder.Pointer;
        // The block rows the current MCU row touches: [component in scan * 4 + row within the MCU].
        var blockRows = stackalloc short*[JpegFrame.MaxComponents * 4];
        for (int mcuY = firstRow; mcuY < endRow; mcuY++)
        {
            for (int i = 0; i < components.Length; i++)
            {
                // A single-component scan's MCU is one block: its rows run through the frame's MCU rows v at a time.
                JpegComponent component = components[i].Component;
                if (_interleaved)
                {
                    for (int v = 0; v < component.VerticalFactor; v++)
                        blockRows[i * 4 + v] = coefficients.BlockRow(component.Index, v);
                }
                else
                {
                    blockRows[i * 4] = coefficients.BlockRow(component.Index, mcuY % component.VerticalFactor);
                }
            }
            for (int mcuX = 0; mcuX < _mcusPerLine; mcuX++)
            {
                if (_restartInterval > 0)
                {
                    if (_restartsLeft == 0)
                    {
                        bits.TryConsumeRestartMarker();
                        foreach (JpegScanComponent c in components) c.DcPredictor = 0;
                        _endOfBandRun = 0;
                        _restartsLeft = _restartInterval;
                    }
                    _restartsLeft--;
                }
                // After the data ends, libjpeg leaves the remaining blocks as they are.
                if (bits.IsOverrun) continue;
                for (int i = 0; i < components.Length; i++)
                {
                    JpegScanComponent component = components[i];
                    int blocksWide = _interleaved ? component.Component.HorizontalFactor : 1;
                    int blocksHigh = _interleaved ? component.Component.VerticalFactor : 1;
                    for (int v = 0; v < blocksHigh; v++)
                    {
                        for (int h = 0; h < blocksWide; h++)
                        {
                            short* block = blockRows[i * 4 + v] + (mcuX * blocksWide + h) * 64;
                            switch (_kind)
                            {
                                case Kind.Sequential:
                                    JpegSequentialScanDecoder.DecodeBlock(ref bits, component, block, naturalOrder);
                                    break;
                                case Kind.DcFirst:
                                    JpegProgressiveScanDecoder.DecodeDcFirst(ref bits, component, block, scan.SuccessiveLow);
                                    break;
                                case Kind.DcRefine:
                                    JpegProgressiveScanDecoder.DecodeDcRefine(ref bits, block, scan.SuccessiveLow);
                                    break;
                                case Kind.AcFirst:
                                    JpegProgressiveScanDecoder.DecodeAcFirst(ref bits, component.AcTable!, block,
                                        scan.SpectralStart, scan.SpectralEnd, scan.SuccessiveLow, ref _endOfBandRun, naturalOrder);
                                    break;
                                case Kind.AcRefine:
                                    JpegProgressiveScanDecoder.DecodeAcRefine(ref bits, component.AcTable!, block,
                                        scan.SpectralStart, scan.SpectralEnd, scan.SuccessiveLow, ref _endOfBandRun, naturalOrder);
                                    break;
                            }
                        }
                    }
                }
            }
        }
    }
}
