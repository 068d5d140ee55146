namespace Muster.Agents.Secrets;

/// <summary>What scanning one file produced. Detections are deduplicated by absolute offset and rule; offsets, lines and
/// columns count decoded characters (<see cref="Encoding"/>: utf-8, utf-16le or utf-16be).</summary>
internal sealed record FileScanResult(IReadOnlyList<SecretDetection> Detections, long Bytes, bool IsBinary, int RegexTimeouts, string Encoding = "utf-8")
{
    /// <summary>Generic assignments whose value is a reference (<c>${VAR}</c>), skipped before any regex: placeholders too.</summary>
    public int References { get; init; }
}
