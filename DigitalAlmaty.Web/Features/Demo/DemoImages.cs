using System.Buffers.Binary;
using System.IO.Compression;

namespace DigitalAlmaty.Web.Features.Demo;

/// <summary>
/// Cover pictures for demo publications, drawn at seed time (nothing is downloaded): a 16:9 PNG with
/// a diagonal gradient in the portal's colours, a sun disc and a mountain ridge, varied by a number.
/// </summary>
internal static class DemoImages
{
    public const int Width = 640;
    public const int Height = 360;

    private static readonly (byte R, byte G, byte B)[] Palette =
    [
        (0x08, 0x45, 0x82), (0x0b, 0x5c, 0xab), (0x1f, 0x6f, 0xb8), (0x0e, 0x7c, 0x66), (0x6a, 0x3d, 0x9a), (0xb4, 0x4d, 0x12),
    ];

    public static byte[] Cover(int variant)
    {
        var from = Palette[variant % Palette.Length];
        var to = Palette[(variant + 2) % Palette.Length];
        var sunX = 140 + (variant * 97 % 360);
        var sunY = 110 + (variant * 31 % 60);
        var raw = new byte[Height * (1 + (Width * 3))];
        for (var y = 0; y < Height; y++)
        {
            var row = y * (1 + (Width * 3));
            raw[row] = 0; // filter: none
            for (var x = 0; x < Width; x++)
            {
                var t = (x + y) / (double)(Width + Height);
                var r = Mix(from.R, to.R, t);
                var g = Mix(from.G, to.G, t);
                var b = Mix(from.B, to.B, t);
                var dx = x - sunX;
                var dy = y - sunY;
                if ((dx * dx) + (dy * dy) < 48 * 48)
                {
                    (r, g, b) = (0xf2, 0xb7, 0x05); // the accent colour
                }

                // Two ridges: the far one lighter, the near one darker.
                var far = 250 - (int)(60 * Math.Abs(Math.Sin((x + (variant * 40)) / 90.0)));
                var near = 300 - (int)(45 * Math.Abs(Math.Sin((x + (variant * 70)) / 60.0)));
                if (y > near)
                {
                    (r, g, b) = ((byte)(r / 3), (byte)(g / 3), (byte)(b / 3));
                }
                else if (y > far)
                {
                    (r, g, b) = ((byte)((r + 255) / 2), (byte)((g + 255) / 2), (byte)((b + 255) / 2));
                }

                var at = row + 1 + (x * 3);
                (raw[at], raw[at + 1], raw[at + 2]) = (r, g, b);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte Mix(byte a, byte b, double t) => (byte)Math.Round(a + ((b - a) * t));

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }
}
