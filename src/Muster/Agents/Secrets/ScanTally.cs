namespace Muster.Agents.Secrets;

/// <summary>Counters shared by the parallel file scans (updated with Interlocked).</summary>
internal sealed class ScanTally
{
    public long Bytes;
    public int Scanned;
    public int Binary;
    public int Utf16;
    public int Empty;
    public int AllowedPaths;
    public int RegexTimeouts;
    public int Placeholders;
    public int AllowedInline;
    public int AllowedByConfig;
    public int Baselined;
}
