namespace Muster.Agents.Command;

/// <summary>
/// Reads a stream to its end, keeping at most <c>limit</c> bytes. It keeps draining past the limit so a chatty child
/// never blocks on a full pipe.
/// </summary>
internal sealed class BoundedCapture(int limit)
{
    private readonly MemoryStream _kept = new();
    private readonly Lock _gate = new();
    private long _total;

    // Read under the lock: after a drain timeout the reader may still be running while the result is taken.
    public long TotalBytes
    {
        get { lock (_gate) return _total; }
    }

    public bool Truncated
    {
        get { lock (_gate) return _total > _kept.Length; }
    }

    public async Task ReadToEndAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            lock (_gate)
            {
                _total += read;
                var room = limit - (int)_kept.Length;
                if (room > 0) _kept.Write(buffer, 0, Math.Min(room, read));
            }
        }
    }

    public string Text()
    {
        lock (_gate) return System.Text.Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);
    }
}
