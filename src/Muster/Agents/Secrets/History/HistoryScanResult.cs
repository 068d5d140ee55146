namespace Muster.Agents.Secrets.History;

/// <summary>
/// What reading history produced. <see cref="NotVerified"/> is null when every selected commit was read; otherwise it
/// says why history (or part of it) was not verified. <see cref="RepositoryFound"/> separates "no repository here" (a
/// summary line) from a repository whose history could not be read (worth an INFO finding).
/// </summary>
internal sealed class HistoryScanResult
{
    public HistoryScope Scope { get; init; } = HistoryScope.All;
    public int MaxCommits { get; init; }
    public string? NotVerified { get; set; }
    public bool RepositoryFound { get; set; }
    public bool Truncated { get; set; }
    public bool Shallow { get; set; }
    public int Commits { get; set; }
    public int Blobs { get; set; }
    public int BlobsScanned { get; set; }
    public int BinaryBlobs { get; set; }
    public int Utf16Blobs { get; set; }
    public int SkippedPaths { get; set; }
    public int Placeholders { get; set; }
    public int RegexTimeouts { get; set; }
    public long Bytes { get; set; }
    public double Seconds { get; set; }
    public List<HistoryOccurrence> Occurrences { get; } = [];

    /// <summary>Commits of the scanned range that no remote-tracking ref reaches; null when the repository has no remote-tracking refs (nothing was pushed).</summary>
    public IReadOnlySet<string>? Unpushed { get; set; }

    /// <summary>Why whether a commit was pushed is unknown (the remote-tracking refs could not be walked), else null.</summary>
    public string? PushedUnknown { get; set; }

    /// <summary>True when a remote-tracking ref reaches the commit (it was pushed).</summary>
    public bool IsPushed(string commit) => Unpushed is { } local && !local.Contains(commit);
}
