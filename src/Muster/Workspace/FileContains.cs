using System.Buffers;
using System.Text;

namespace Muster.Workspace;

/// <summary>
/// Whether a file holds an ASCII marker, read in fixed-size blocks: memory stays bounded whatever the size, so a file
/// too large to parse can still be told apart from one that cannot be the input an agent looks for.
/// </summary>
public static class FileContains
{
    private const int BlockBytes = 1 << 20;

    /// <summary>True when the UTF-8 (or ASCII) bytes of <paramref name="marker"/> occur in the file; false when they do
    /// not. An unreadable file counts as holding it: what was not read is never called irrelevant.</summary>
    public static bool Ascii(string fullPath, string marker)
    {
        var needle = Encoding.UTF8.GetBytes(marker);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockBytes + needle.Length);
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var kept = 0;
            while (true)
            {
                var read = stream.Read(buffer, kept, BlockBytes);
                if (read == 0) return false;
                var filled = kept + read;
                if (buffer.AsSpan(0, filled).IndexOf(needle) >= 0) return true;
                // The tail that could start a marker split across blocks moves to the front.
                kept = Math.Min(needle.Length - 1, filled);
                buffer.AsSpan(filled - kept, kept).CopyTo(buffer);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
