using Muster.Workspace;

namespace Muster.Agents.Secrets;

/// <summary>
/// Scans one file as a stream of overlapping chunks, so memory stays bounded whatever the file size and a secret that
/// straddles a chunk boundary is found exactly once.
/// </summary>
internal sealed class SecretFileScanner(SecretDetector detector, int chunkChars = ChunkedTextReader.DefaultChunkChars)
{
    /// <summary>Chunks repeat more than the widest rule window, so every window is whole in some chunk.</summary>
    public int Overlap => detector.Rules.MaxWindow + 64;

    public FileScanResult Scan(string path, CancellationToken cancellationToken)
    {
        using var reader = ChunkedTextReader.Open(path, chunkChars, Overlap);
        return Scan(reader, cancellationToken);
    }

    public FileScanResult Scan(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new ChunkedTextReader(stream, chunkChars, Overlap, leaveOpen: true);
        return Scan(reader, cancellationToken);
    }

    private FileScanResult Scan(ChunkedTextReader reader, CancellationToken cancellationToken)
    {
        var detections = new List<SecretDetection>();
        var seen = new HashSet<(long Offset, string Rule)>();
        var timeouts = 0;
        var references = 0;
        while (reader.TryRead(out var chunk))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hits = detector.Scan(chunk.Text.Span, chunk.Overlap, chunk.IsLast, ref timeouts, ref references);
            if (hits.Count == 0) continue;
            hits.Sort(static (a, b) => a.Index.CompareTo(b.Index));
            // Line numbers advance incrementally through the sorted hits: one pass over the chunk, not one per hit.
            var text = chunk.Text.Span;
            long line = chunk.FirstLine;
            // Where the chunk's first line starts is unknown after the first chunk: report column 0 (unknown) there.
            var lineStart = chunk.Offset == 0 ? 0 : -1;
            var cursor = 0;
            foreach (var hit in hits)
            {
                if (!seen.Add((chunk.Offset + hit.Index, hit.Rule.Id))) continue;
                while (true)
                {
                    var next = text[cursor..hit.Index].IndexOf('\n');
                    if (next < 0) break;
                    line++;
                    cursor += next + 1;
                    lineStart = cursor;
                }
                cursor = hit.Index;
                detections.Add(new SecretDetection(hit.Rule, hit.Secret, chunk.Offset + hit.Index, line, lineStart < 0 ? 0 : hit.Index - lineStart + 1,
                    hit.IsPlaceholder, hit.AllowedInline)
                { Check = hit.Check, Encrypted = hit.Encrypted, Softened = hit.Softened });
            }
        }
        return new FileScanResult(detections, reader.BytesRead, reader.IsBinary, timeouts, reader.EncodingName) { References = references };
    }
}
