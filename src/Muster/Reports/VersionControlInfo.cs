namespace Muster.Reports;

/// <summary>
/// The repository a run audited, as git reports it: remote URL (credentials stripped by whoever builds this),
/// commit and branch, and the work tree's root on disk.
/// </summary>
public sealed record VersionControlInfo(string RepositoryUri, string? RevisionId, string? Branch, string WorkTreeRoot);
