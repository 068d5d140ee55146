using System.Text;

namespace Muster.Workspace;

/// <summary>
/// Decides how to decode a file from its first bytes: UTF-16 little- or big-endian (with a byte-order mark, or
/// without one when every other byte is NUL, as in ASCII text saved as UTF-16), otherwise UTF-8; null when the
/// bytes are binary (<see cref="BinaryContent.LooksBinary"/> on the bytes, or on the UTF-16 text decoded from them).
/// </summary>
public static class TextEncodingSniffer
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);

    /// <summary>Below this many bytes a missing byte-order mark is not taken for UTF-16: too few to tell.</summary>
    private const int MinBomLessBytes = 16;

    public static SniffedEncoding? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE && !(head.Length >= 4 && head[2] == 0 && head[3] == 0))
            return AsUtf16(head, Utf16Le, 2, "utf-16le");
        if (head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF) return AsUtf16(head, Utf16Be, 2, "utf-16be");
        // Without a NUL byte it is not BOM-less UTF-16; the vectorised test spares the pair count for nearly every file.
        if (head.Length >= MinBomLessBytes && head.Contains((byte)0))
        {
            var (evenNul, oddNul) = CountNulsByParity(head);
            var pairs = head.Length / 2;
            // ASCII-range UTF-16: one byte of every pair is NUL, the other almost never.
            if (oddNul * 10 >= pairs * 9 && evenNul * 20 <= pairs) return AsUtf16(head, Utf16Le, 0, "utf-16le");
            if (evenNul * 10 >= pairs * 9 && oddNul * 20 <= pairs) return AsUtf16(head, Utf16Be, 0, "utf-16be");
        }
        if (BinaryContent.LooksBinary(head)) return null;
        return new SniffedEncoding(Utf8, head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0, "utf-8");
    }

    private static SniffedEncoding? AsUtf16(ReadOnlySpan<byte> head, Encoding encoding, int preamble, string name)
    {
        var body = head[preamble..];
        body = body[..(body.Length & ~1)];
        var text = encoding.GetString(body);
        // A UTF-16 text holds no NUL character and few control characters, like any text.
        if (text.Contains('\0')) return null;
        var control = 0;
        foreach (var c in text)
        {
            if (c < 0x20 && c is not '\n' and not '\r' and not '\t' and not '\f' and not '\x1b') control++;
        }
        return control * 10 > Math.Max(1, text.Length) ? null : new SniffedEncoding(encoding, preamble, name);
    }

    private static (int Even, int Odd) CountNulsByParity(ReadOnlySpan<byte> head)
    {
        int even = 0, odd = 0;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            if (head[i] == 0) even++;
            if (head[i + 1] == 0) odd++;
        }
        return (even, odd);
    }
}
