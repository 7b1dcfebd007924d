namespace ConcurrencyDemo.Imaging.Formats.Jpeg.Decoding;

/// <summary>The second byte of the JPEG marker codes the decoder acts on (ITU T.81 table B.1).</summary>
internal static class JpegMarker
{
    public const byte Sof0Baseline = 0xC0;
    public const byte Sof1ExtendedSequential = 0xC1;
    public const byte Sof2Progressive = 0xC2;
    public const byte Sof3Lossless = 0xC3;
    public const byte Dht = 0xC4;
    public const byte Sof5DifferentialSequential = 0xC5;
    public const byte Sof6DifferentialProgressive = 0xC6;
    public const byte Sof7DifferentialLossless = 0xC7;
    public const byte Jpg = 0xC8;
    public const byte Sof9ArithmeticSequential = 0xC9;
    public const byte Sof10ArithmeticProgressive = 0xCA;
    public const byte Sof11ArithmeticLossless = 0xCB;
    public const byte Dac = 0xCC;
    public const byte Sof13 = 0xCD;
    public const byte Sof14 = 0xCE;
    public const byte Sof15 = 0xCF;
    public const byte Rst0 = 0xD0;
    public const byte Rst7 = 0xD7;
    public const byte Soi = 0xD8;
    public const byte Eoi = 0xD9;
    public const byte Sos = 0xDA;
    public const byte Dqt = 0xDB;
    public const byte Dnl = 0xDC;
    public const byte Dri = 0xDD;
    public const byte Dhp = 0xDE;
    public const byte Exp = 0xDF;
    public const byte App0 = 0xE0;
    public const byte App1 = 0xE1;
    public const byte App14 = 0xEE;
    public const byte App15 = 0xEF;
    public const byte Com = 0xFE;
    public const byte Tem = 0x01;

    public static bool IsRestart(byte marker) => marker is >= Rst0 and <= Rst7;
}
