using System.Text;
using Muster.Workspace.Git;

namespace Muster.Agents.Secrets.History;

/// <summary>
/// Reads blob contents through one long-lived <c>git cat-file --batch</c>: the ids are written to its input by a
/// background task while the caller reads each answer ("ID blob SIZE\n" + SIZE bytes + "\n", or "ID missing\n").
/// </summary>
internal sealed class GitBlobBatch : IAsyncDisposable
{
    private readonly GitProcess _git;
    private readonly Task _writing;
    private readonly BufferedStream _output;

    private GitBlobBatch(GitProcess git, IReadOnlyList<string> blobs)
    {
        _git = git;
        _output = new BufferedStream(git.Output, 256 * 1024);
        _writing = Task.Run(() => WriteIds(git, blobs));
    }

    public static GitBlobBatch Start(GitRunner runner, IReadOnlyList<string> blobs, TimeSpan timeout, CancellationToken cancellationToken) =>
        new(runner.Start(["cat-file", "--batch"], timeout, cancellationToken, writesInput: true), blobs);

    public bool Stopped => _git.Stopped;

    private static void WriteIds(GitProcess git, IReadOnlyList<string> blobs)
    {
        try
        {
            using var input = new BufferedStream(git.Input, 64 * 1024);
            foreach (var blob in blobs) input.Write(Encoding.ASCII.GetBytes(blob + "\n"));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // git stopped reading (killed on timeout, or exited): the reader sees the output end
        }
    }

    /// <summary>The next answer's header: the blob's size, or -1 when git has no such blob; null when the output ended early.</summary>
    public long? NextSize()
    {
        var line = ReadLine();
        if (line is null) return null;
        var parts = line.Split(' ');
        if (parts.Length == 3 && parts[1] == "blob" && long.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size)) return size;
        if (parts.Length >= 2 && parts[^1] == "missing") return -1;
        // Another object type: git still sends its contents, sized; skip them so the next header lines up.
        if (parts.Length == 3 && long.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var other))
        {
            Skip(other + 1);
            return -1;
        }
        return null;
    }

    /// <summary>The current blob's contents as a stream of exactly <paramref name="size"/> bytes; dispose it to move to the next answer.</summary>
    public Stream Content(long size) => new BlobContent(this, size);

    private void Skip(long bytes)
    {
        var buffer = new byte[81920];
        while (bytes > 0)
        {
            var read = _output.Read(buffer, 0, (int)Math.Min(buffer.Length, bytes));
            if (read == 0) return;
            bytes -= read;
        }
    }

    private string? ReadLine()
    {
        var bytes = new List<byte>(64);
        while (true)
        {
            var b = _output.ReadByte();
            if (b < 0) return null;
            if (b == '\n') return Encoding.UTF8.GetString(bytes.ToArray());
            if (bytes.Count > 4096) return null;
            bytes.Add((byte)b);
        }
    }

    /// <summary>
    /// After the last answer: waits for git to exit on its own (its input is closed once every id is written), so a
    /// finished batch is never killed. Killing walks /proc for the process tree; only an abandoned batch needs that.
    /// </summary>
    public async Task<GitResult> FinishAsync(CancellationToken cancellationToken)
    {
        await _writing.ConfigureAwait(false);
        return await _git.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _git.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _writing.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // the process is gone; nothing left to write to
        }
    }

    /// <summary>
    /// A window over the batch output: reads stop at the blob's end, and disposing skips what the scanner did not
    /// read (a binary blob is abandoned after its first bytes) plus git's trailing newline.
    /// </summary>
    private sealed class BlobContent(GitBlobBatch batch, long size) : Stream
    {
        private readonly long _size = size;
        private long _left = size;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_left <= 0 || buffer.Length == 0) return 0;
            var read = batch._output.Read(buffer[..(int)Math.Min(buffer.Length, _left)]);
            _left -= read;
            if (read == 0) _left = 0;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _left >= 0)
            {
                batch.Skip(_left + 1);
                _left = -1;
            }
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _size;
        public override long Position { get => _size - Math.Max(_left, 0); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
