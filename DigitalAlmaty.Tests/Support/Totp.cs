using System.Globalization;
using System.Security.Cryptography;

namespace DigitalAlmaty.Tests.Support;

/// <summary>RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits), as an authenticator app computes it.</summary>
public static class Totp
{
    /// <summary>The code an app shows at <paramref name="at"/> for a base32 key (spaces, case and padding ignored).</summary>
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = Base32Decode(base32Key);
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA1; this only mirrors them in a test.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A well-formed 6-digit code that is not the current one (half a million away from it).</summary>
    public static string WrongCode(string base32Key, DateTimeOffset at) =>
        ((int.Parse(Code(base32Key, at), CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var ch in text.ToUpperInvariant().Where(c => c != ' ' && c != '='))
        {
            var value = alphabet.IndexOf(ch, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"Not base32: '{ch}'.", nameof(text));
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }
}
