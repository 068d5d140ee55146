namespace Muster.Agents.Secrets.History;

/// <summary>One commit of <c>git log --raw</c>: its id, author date (ISO 8601) and the regular-file blobs it added or changed.</summary>
internal sealed record GitLogEntry(string Commit, string AuthorDate, IReadOnlyList<GitBlobChange> Changes);

/// <summary>A blob a commit wrote at a path (status A, M or T, regular file modes only).</summary>
internal readonly record struct GitBlobChange(string Blob, string Path);
