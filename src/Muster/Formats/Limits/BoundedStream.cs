namespace Muster.Formats.Limits;

/// <summary>
/// A read-only view of a stream that fails once more than <c>limit</c> bytes come out of it: an archive entry cannot
/// decompress past its budget whatever its header claims.
/// </summary>
public sealed class BoundedStream(Stream inner, long limit, string what) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > limit) throw new InvalidDataException($"{what} holds more than {limit:N0} bytes; not read");
        return read;
    }
}
