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

    /// <summary>
    /// Counts one scanned file and returns the detections worth a finding (placeholders counted, not kept) and whether
    /// every rule window was matched; <paramref name="partlyUnverified"/> gets the scan error of windows that gave up.
    /// </summary>
    public (IReadOnlyList<SecretDetection> Detections, bool FullyRead) Record(FileScanResult result, Action<string> partlyUnverified)
    {
        Interlocked.Add(ref Bytes, result.Bytes);
        if (result.IsBinary)
        {
            Interlocked.Increment(ref Binary);
            return ([], false);
        }
        Interlocked.Increment(ref Scanned);
        if (result.Encoding != "utf-8") Interlocked.Increment(ref Utf16);
        if (result.RegexTimeouts > 0)
        {
            Interlocked.Add(ref RegexTimeouts, result.RegexTimeouts);
            partlyUnverified($"{result.RegexTimeouts} rule window(s) gave up after {SecretRuleSet.MatchTimeout.TotalMilliseconds:0} ms");
        }
        var placeholders = result.Detections.Count(d => d.IsPlaceholder);
        if (placeholders + result.References > 0) Interlocked.Add(ref Placeholders, placeholders + result.References);
        var detections = placeholders == 0 ? result.Detections : result.Detections.Where(d => !d.IsPlaceholder).ToList();
        return (detections, result.RegexTimeouts == 0);
    }
}
