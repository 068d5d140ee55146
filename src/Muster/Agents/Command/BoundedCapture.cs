namespace Muster.Agents.Command;

/// <summary>
/// Reads a stream to its end, keeping at most <c>limit</c> bytes. It keeps draining past the limit so a chatty child
/// never blocks on a full pipe.
/// </summary>
internal sealed class BoundedCapture(int limit)
{
    private readonly MemoryStream _kept = new();

    public long TotalBytes { get; private set; }
    public bool Truncated => TotalBytes > _kept.Length;

    public async Task ReadToEndAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            TotalBytes += read;
            var room = limit - (int)_kept.Length;
            if (room > 0) _kept.Write(buffer, 0, Math.Min(room, read));
        }
    }

    public string Text() => System.Text.Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);
}
