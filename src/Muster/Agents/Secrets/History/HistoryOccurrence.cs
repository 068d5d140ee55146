namespace Muster.Agents.Secrets.History;

/// <summary>
/// The detections in one blob, placed where history first shows that blob: the oldest commit (in topological order)
/// that wrote it, and the path it had there. <see cref="Order"/> counts from the newest commit read (0), so a larger
/// value is an older commit.
/// </summary>
internal sealed record HistoryOccurrence(string Path, HistoryCommit Commit, int Order, IReadOnlyList<SecretDetection> Detections);

/// <summary>A commit a history finding names.</summary>
internal sealed record HistoryCommit(string Id, string AuthorDate)
{
    public string ShortId => Id.Length > 12 ? Id[..12] : Id;
}
