namespace Muster.Workspace;

/// <summary>Decides whether the start of a file is binary: text files hold no NUL bytes and few control characters.</summary>
public static class BinaryContent
{
    public const int SniffBytes = 8192;

    private static readonly System.Buffers.SearchValues<byte> RareControls = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(1, 0x1f).Where(b => b is not '\n' and not '\r' and not '\t' and not 0x0c and not 0x1b).Select(b => (byte)b)]);

    public static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0) return false;
        if (head.Contains((byte)0)) return true;
        // Most text holds no control character but tab, CR, LF: one vectorised search settles it.
        if (head.IndexOfAny(RareControls) < 0) return false;
        var control = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0c and not 0x1b) control++;
        }
        return control * 10 > head.Length;
    }
}
