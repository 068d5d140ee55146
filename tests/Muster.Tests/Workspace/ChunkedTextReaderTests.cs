using System.Text;
using Muster.Workspace;

namespace Muster.Tests.Workspace;

public class ChunkedTextReaderTests
{
    private static List<TextChunk> ReadAll(byte[] bytes, int chunk, int overlap, out ChunkedTextReader reader)
    {
        reader = new ChunkedTextReader(new MemoryStream(bytes), chunk, overlap);
        var chunks = new List<TextChunk>();
        while (reader.TryRead(out var c)) chunks.Add(c with { Text = c.Text.ToArray() });
        return chunks;
    }

    [Fact]
    public void Chunks_overlap_and_reassemble_the_whole_text_with_offsets_and_lines()
    {
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"line {i}\n"));
        var chunks = ReadAll(Encoding.UTF8.GetBytes(text), chunk: 9000, overlap: 1000, out var reader);

        Assert.True(chunks.Count > 3);
        var rebuilt = new StringBuilder();
        foreach (var c in chunks)
        {
            Assert.Equal(text.Substring((int)c.Offset, c.Text.Length), c.Text.ToString());
            Assert.Equal(1 + text[..(int)c.Offset].Count(ch => ch == '\n'), c.FirstLine);
            rebuilt.Append(c.Text.Span[c.Overlap..]);
        }
        Assert.Equal(text, rebuilt.ToString());
        Assert.True(chunks[^1].IsLast);
        Assert.All(chunks.Skip(1), c => Assert.Equal(1000, c.Overlap));
        Assert.Equal(text.Length, reader.BytesRead);
    }

    [Fact]
    public void Position_gives_line_and_column_across_crlf()
    {
        var chunks = ReadAll(Encoding.UTF8.GetBytes("a\r\nbb\r\nccc TARGET\r\n"), 64, 8, out _);
        var chunk = Assert.Single(chunks);
        var index = chunk.Text.Span.IndexOf("TARGET");

        Assert.Equal((3L, 5), chunk.Position(index));
    }

    [Fact]
    public void Invalid_utf8_decodes_to_replacement_characters_without_failing()
    {
        var bytes = Encoding.UTF8.GetBytes("before ").Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes(" after")).ToArray();
        var chunk = Assert.Single(ReadAll(bytes, 64, 8, out _));

        Assert.StartsWith("before ", chunk.Text.ToString(), StringComparison.Ordinal);
        Assert.EndsWith(" after", chunk.Text.ToString(), StringComparison.Ordinal);
        Assert.Contains('\uFFFD', chunk.Text.ToString());
    }

    [Fact]
    public void Nul_bytes_in_the_first_block_mark_the_file_binary()
    {
        var bytes = new byte[20000];
        bytes[100] = (byte)'A';
        var chunks = ReadAll(bytes, 64 * 1024, 100, out var reader);

        Assert.Empty(chunks);
        Assert.True(reader.IsBinary);
    }

    [Fact]
    public void A_single_line_much_longer_than_a_chunk_is_read_in_bounded_chunks()
    {
        var text = new string('a', 300_000) + "END";
        var chunks = ReadAll(Encoding.UTF8.GetBytes(text), 16_384, 512, out _);

        Assert.True(chunks.Count >= 18);
        Assert.All(chunks, c => Assert.True(c.Text.Length <= 16_384));
        Assert.All(chunks, c => Assert.Equal(1, c.FirstLine));
        Assert.EndsWith("END", chunks[^1].Text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_stream_yields_no_chunk()
    {
        Assert.Empty(ReadAll([], 64, 8, out var reader));
        Assert.False(reader.IsBinary);
    }
}
