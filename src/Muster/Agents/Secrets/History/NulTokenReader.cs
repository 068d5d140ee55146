using System.Text;

namespace Muster.Agents.Secrets.History;

/// <summary>Reads NUL-terminated fields (git's <c>-z</c> output) from a stream as UTF-8 strings, buffered.</summary>
internal sealed class NulTokenReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private byte[] _pending = new byte[256];
    private int _pendingLength;

    /// <summary>The next field, or null at the end of the stream (a last field without its NUL is returned too).</summary>
    public string? Next()
    {
        _pendingLength = 0;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = stream.Read(_buffer, 0, _buffer.Length);
                if (_end == 0) return _pendingLength == 0 ? null : Encoding.UTF8.GetString(_pending, 0, _pendingLength);
            }
            var span = _buffer.AsSpan(_start, _end - _start);
            var nul = span.IndexOf((byte)0);
            if (nul >= 0)
            {
                string token;
                if (_pendingLength == 0) token = Encoding.UTF8.GetString(span[..nul]);
                else
                {
                    Append(span[..nul]);
                    token = Encoding.UTF8.GetString(_pending, 0, _pendingLength);
                }
                _start += nul + 1;
                return token;
            }
            Append(span);
            _start = _end;
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_pendingLength + bytes.Length > _pending.Length) Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingLength + bytes.Length));
        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += bytes.Length;
    }
}
