using System.Text;
using Muster.Workspace;

namespace Muster.Tests.Workspace;

public class TextEncodingSnifferTests
{
    private const string Text = "first line\r\nsecond line with a key=value\r\n";

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Utf16_with_a_byte_order_mark_is_decoded_without_the_mark(bool bigEndian, string name)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var chunk = ReadOne([.. encoding.GetPreamble(), .. encoding.GetBytes(Text)], out var reader);

        Assert.False(reader.IsBinary);
        Assert.Equal(name, reader.EncodingName);
        Assert.Equal(Text, chunk.Text.ToString());
    }

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Bom_less_utf16_is_recognised_by_its_nul_byte_pattern(bool bigEndian, string name)
    {
        var chunk = ReadOne(new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(Text), out var reader);

        Assert.Equal(name, reader.EncodingName);
        Assert.Equal(Text, chunk.Text.ToString());
    }

    [Fact]
    public void Utf8_byte_order_mark_is_not_part_of_the_text()
    {
        var chunk = ReadOne([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)], out var reader);

        Assert.Equal("utf-8", reader.EncodingName);
        Assert.Equal(Text, chunk.Text.ToString());
    }

    [Fact]
    public void Binary_whose_every_other_byte_is_nul_stays_binary()
    {
        // 16-bit little numbers (a table of small integers): NUL high bytes, but the low bytes are control characters.
        var bytes = new byte[4096];
        for (var i = 0; i < bytes.Length; i += 2) bytes[i] = (byte)(i / 2 % 31 + 1);

        Assert.Null(TextEncodingSniffer.Detect(bytes));
        Assert.Null(TextEncodingSniffer.Detect([0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0])); // a UTF-32 mark: not UTF-16
    }

    [Fact]
    public void Utf16_text_split_across_chunks_reassembles_with_character_offsets()
    {
        var text = string.Concat(Enumerable.Range(0, 3000).Select(i => $"line {i} é\n"));
        using var reader = new ChunkedTextReader(new MemoryStream(Encoding.Unicode.GetBytes(text)), 9000, 1000);
        var rebuilt = new StringBuilder();
        while (reader.TryRead(out var chunk))
        {
            Assert.Equal(text.Substring((int)chunk.Offset, chunk.Text.Length), chunk.Text.ToString());
            rebuilt.Append(chunk.Text.Span[chunk.Overlap..]);
        }

        Assert.Equal(text, rebuilt.ToString());
        Assert.Equal(text.Length * 2, reader.BytesRead);
    }

    private static TextChunk ReadOne(byte[] bytes, out ChunkedTextReader reader)
    {
        reader = new ChunkedTextReader(new MemoryStream(bytes), 64 * 1024, 100);
        Assert.True(reader.TryRead(out var chunk));
        Assert.False(reader.TryRead(out _));
        return chunk;
    }
}
