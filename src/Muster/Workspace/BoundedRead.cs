namespace Muster.Workspace;

/// <summary>
/// Reads an audited file's text only when it is a regular file within a size budget: never a FIFO, socket or device
/// (which would hang or never end), never more than the budget. Refusals are <see cref="IOException"/>s whose message
/// says why, for the reader's scan error.
/// </summary>
public static class BoundedRead
{
    /// <exception cref="IOException">Not a regular file, over <paramref name="maxBytes"/>, or unreadable.</exception>
    public static string Text(string fullPath, long maxBytes)
    {
        Check(fullPath, maxBytes);
        return File.ReadAllText(fullPath);
    }

    /// <exception cref="IOException">Not a regular file, over <paramref name="maxBytes"/>, or unreadable.</exception>
    public static byte[] Bytes(string fullPath, long maxBytes)
    {
        Check(fullPath, maxBytes);
        return File.ReadAllBytes(fullPath);
    }

    /// <summary>Throws unless <paramref name="fullPath"/> is a regular file of at most <paramref name="maxBytes"/>.</summary>
    public static void Check(string fullPath, long maxBytes)
    {
        if (FileTypeProbe.SpecialKind(fullPath) is { } kind) throw new IOException($"{kind}, not a regular file; not read");
        var length = new FileInfo(fullPath).Length;
        if (length > maxBytes) throw new IOException($"{length:N0} bytes, over the {maxBytes:N0}-byte budget; not read");
    }
}
