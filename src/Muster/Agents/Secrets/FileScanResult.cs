namespace Muster.Agents.Secrets;

/// <summary>What scanning one file produced. Detections are deduplicated by absolute offset and rule.</summary>
internal sealed record FileScanResult(IReadOnlyList<SecretDetection> Detections, long Bytes, bool IsBinary, int RegexTimeouts);
