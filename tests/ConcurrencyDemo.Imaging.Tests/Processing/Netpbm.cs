using System.Text;
using ConcurrencyDemo.Imaging.Memory;

namespace ConcurrencyDemo.Imaging.Tests.Processing;

/// <summary>
/// Binary Netpbm, the exchange format with Pillow: P5 (gray), P6 (RGB) and P7 (RGB_ALPHA, which
/// the reference script writes by hand). Maxval 255 only. Test-only: the codecs proper live elsewhere.
/// </summary>
internal static class Netpbm
{
    public static ImageBuffer Read(string path) => Decode(File.ReadAllBytes(path));

    public static ImageBuffer Decode(byte[] data)
    {
        int position = 0;
        string magic = Token(data, ref position);
        int width, height;
        PixelFormat format;
        if (magic == "P7")
        {
            width = height = 0;
            int depth = 0;
            while (true)
            {
                string key = Token(data, ref position);
                if (key == "ENDHDR") break;
                string value = Token(data, ref position);
                switch (key)
                {
                    case "WIDTH": width = int.Parse(value); break;
                    case "HEIGHT": height = int.Parse(value); break;
                    case "DEPTH": depth = int.Parse(value); break;
                    case "MAXVAL": RequireMaxval(value); break;
                }
            }
            format = depth switch { 1 => PixelFormat.Gray8, 3 => PixelFormat.Rgb24, 4 => PixelFormat.Rgba32, _ => throw new InvalidDataException($"PAM depth {depth}") };
        }
        else
        {
            format = magic switch { "P5" => PixelFormat.Gray8, "P6" => PixelFormat.Rgb24, _ => throw new InvalidDataException($"Not binary Netpbm: {magic}") };
            width = int.Parse(Token(data, ref position));
            height = int.Parse(Token(data, ref position));
            RequireMaxval(Token(data, ref position));
        }
        position++; // the single whitespace byte before the raster
        var image = new ImageBuffer(width, height, format);
        if (data.Length - position < image.Length)
            throw new InvalidDataException("Netpbm raster is truncated.");
        data.AsSpan(position, image.Length).CopyTo(image.Pixels);
        return image;
    }

    public static byte[] Encode(ImageBuffer image)
    {
        string header = image.Format switch
        {
            PixelFormat.Gray8 => $"P5\n{image.Width} {image.Height}\n255\n",
            PixelFormat.Rgb24 => $"P6\n{image.Width} {image.Height}\n255\n",
            _ => $"P7\nWIDTH {image.Width}\nHEIGHT {image.Height}\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n",
        };
        byte[] head = Encoding.ASCII.GetBytes(header);
        var result = new byte[head.Length + image.Length];
        head.CopyTo(result, 0);
        image.Pixels.CopyTo(result.AsSpan(head.Length));
        return result;
    }

    public static void Write(ImageBuffer image, string path) => File.WriteAllBytes(path, Encode(image));

    private static void RequireMaxval(string value)
    {
        if (value != "255") throw new InvalidDataException($"Only maxval 255 is supported, not {value}.");
    }

    /// <summary>Next whitespace-separated header token, skipping # comments; leaves position on the byte after it.</summary>
    private static string Token(byte[] data, ref int position)
    {
        while (position < data.Length)
        {
            if (data[position] == '#')
                while (position < data.Length && data[position] != '\n') position++;
            else if (char.IsWhiteSpace((char)data[position])) position++;
            else break;
        }
        int start = position;
        while (position < data.Length && !char.IsWhiteSpace((char)data[position])) position++;
        return Encoding.ASCII.GetString(data, start, position - start);
    }
}
