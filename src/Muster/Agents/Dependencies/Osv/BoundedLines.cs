using System.Buffers;

namespace Muster.Agents.Dependencies.Osv;

/// <summary>
/// Splits a stream into lines without ever holding more than one line of at most <c>maxLineBytes</c>: a longer line is
/// skipped to its end and reported, so one hostile line cannot exhaust memory.
/// </summary>
internal static class BoundedLines
{
    /// <summary>Calls <paramref name="line"/> with each non-blank line and its 1-based number; <paramref name="tooLong"/> for an over-budget one.</summary>
    /// <returns>Lines seen, blank ones included.</returns>
    public static long Read(Stream stream, long maxLineBytes, long maxLines, Action<ReadOnlyMemory<byte>, long> line, Action<long> tooLong,
        Func<bool> stop, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var current = new ArrayBufferWriter<byte>(4096);
        var skipping = false;
        long number = 0;
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var span = chunk.AsSpan(0, read);
                while (span.Length > 0)
                {
                    var end = span.IndexOf((byte)'\n');
                    var piece = end < 0 ? span : span[..end];
                    if (!skipping)
                    {
                        if (current.WrittenCount + (long)piece.Length > maxLineBytes)
                        {
                            skipping = true;
                            current.Clear();
                        }
                        else
                        {
                            current.Write(piece);
                        }
                    }
                    if (end < 0) break;
                    number++;
                    if (number > maxLines) throw new InvalidDataException($"more than {maxLines:N0} lines; the rest is not read");
                    if (skipping) tooLong(number);
                    else if (!IsBlank(current.WrittenSpan)) line(current.WrittenMemory, number);
                    if (stop()) return number;
                    skipping = false;
                    current.Clear();
                    span = span[(end + 1)..];
                }
            }
            if (skipping || current.WrittenCount > 0)
            {
                number++;
                if (skipping) tooLong(number);
                else if (!IsBlank(current.WrittenSpan)) line(current.WrittenMemory, number);
            }
            return number;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.Trim(" \t\r"u8).IsEmpty;
}
