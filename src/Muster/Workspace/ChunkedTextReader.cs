using System.Buffers;
using System.Text;

namespace Muster.Workspace;

/// <summary>
/// Reads a stream as text in fixed-size chunks that overlap by a fixed number of characters. Memory is bounded by the
/// chunk size whatever the file or line length. The first <see cref="BinaryContent.SniffBytes"/> bytes choose the
/// encoding (UTF-16 with or without a byte-order mark, else UTF-8; <see cref="TextEncodingSniffer"/>) or mark the
/// stream binary: then it yields no chunk and sets <see cref="IsBinary"/>. Invalid bytes decode to U+FFFD instead of
/// failing; offsets, lines and columns count decoded characters, not bytes.
/// </summary>
public sealed class ChunkedTextReader : IDisposable
{
    public const int DefaultChunkChars = 1 << 20;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private Decoder? _decoder;
    private readonly byte[] _bytes;
    private readonly char[] _chars;
    private readonly int _overlap;
    private readonly int _chunkChars;

    /// <summary>A seekable stream's length when opened, else -1: reading stops there without a last empty read (not for
    /// length 0, which is also what pseudo-files whose content is generated on read report).</summary>
    private readonly long _expectedBytes = -1;
    private bool _disposed;
    private int _filled;
    private long _offset;
    private long _line = 1;
    private bool _started;
    private bool _eof;
    private bool _done;

    public ChunkedTextReader(Stream stream, int chunkChars = DefaultChunkChars, int overlapChars = 4096, bool leaveOpen = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkChars, 64);
        ArgumentOutOfRangeException.ThrowIfNegative(overlapChars);
        if (overlapChars > chunkChars / 2) throw new ArgumentOutOfRangeException(nameof(overlapChars), "overlap must be at most half a chunk");
        _stream = stream;
        _leaveOpen = leaveOpen;
        // Small files get small buffers: a 4 KB config file must not cost a multi-megabyte allocation.
        if (stream.CanSeek)
        {
            _expectedBytes = stream.Length - stream.Position;
            chunkChars = (int)Math.Clamp(_expectedBytes + 16, Math.Max(64, 2 * overlapChars), chunkChars);
        }
        _chunkChars = chunkChars;
        _chars = ArrayPool<char>.Shared.Rent(chunkChars);
        _bytes = ArrayPool<byte>.Shared.Rent(Math.Max(BinaryContent.SniffBytes, Math.Min(chunkChars, 1 << 18)));
        _overlap = overlapChars;
    }

    public static ChunkedTextReader Open(string path, int chunkChars = DefaultChunkChars, int overlapChars = 4096) =>
        new(new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            Options = FileOptions.SequentialScan,
            BufferSize = 0,
        }), chunkChars, overlapChars);

    public bool IsBinary { get; private set; }

    /// <summary>"utf-8", "utf-16le" or "utf-16be" once the first chunk is read (see <see cref="TextEncodingSniffer"/>).</summary>
    public string EncodingName { get; private set; } = "utf-8";
    public long BytesRead { get; private set; }

    public bool TryRead(out TextChunk chunk)
    {
        chunk = default;
        if (_done) return false;
        var keep = 0;
        if (_started)
        {
            if (_eof) { _done = true; return false; }
            keep = Math.Min(_overlap, _filled);
            var dropped = _filled - keep;
            _line += _chars.AsSpan(0, dropped).Count('\n');
            _offset += dropped;
            _chars.AsSpan(dropped, keep).CopyTo(_chars);
            _filled = keep;
        }
        else if (!SniffFirstBlock())
        {
            _done = true;
            return false;
        }
        _started = true;
        Fill();
        if (_filled == keep)
        {
            _done = true;
            return false;
        }
        chunk = new TextChunk(_chars.AsMemory(0, _filled), _offset, keep, _line, _eof);
        return true;
    }

    private bool SniffFirstBlock()
    {
        var read = ReadAtLeast(_bytes.AsSpan(0, Math.Min(BinaryContent.SniffBytes, _chunkChars - 8)));
        if (TextEncodingSniffer.Detect(_bytes.AsSpan(0, read)) is not { } sniffed)
        {
            IsBinary = true;
            return false;
        }
        _decoder = sniffed.Encoding.GetDecoder();
        EncodingName = sniffed.Name;
        Decode(sniffed.PreambleBytes, read - sniffed.PreambleBytes);
        return true;
    }

    private void Fill()
    {
        // A decoder can emit one more char than the bytes it is given (a flushed partial sequence), so keep slack.
        while (!_eof && _chunkChars - _filled > 8)
        {
            var want = Math.Min(_bytes.Length, _chunkChars - _filled - 4);
            Decode(0, ReadAtLeast(_bytes.AsSpan(0, want)));
        }
    }

    private int ReadAtLeast(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = _stream.Read(buffer[total..]);
            if (n == 0) { _eof = true; break; }
            total += n;
            if (_expectedBytes > 0 && BytesRead + total >= _expectedBytes) { _eof = true; break; }
        }
        BytesRead += total;
        return total;
    }

    private void Decode(int start, int byteCount)
    {
        _filled += _decoder!.GetChars(_bytes, start, byteCount, _chars, _filled, flush: _eof);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<byte>.Shared.Return(_bytes);
        if (!_leaveOpen) _stream.Dispose();
    }
}
