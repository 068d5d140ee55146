namespace Muster.Workspace.Git;

/// <summary>A fact about how the repository's metadata was read, worth a line in the report (foreign owner, metadata outside the workspace).</summary>
/// <param name="Code">Stable identifier: <c>foreign-owner</c>, <c>metadata-outside</c>, <c>enclosing-repository</c>.</param>
public sealed record GitNote(string Code, string Message);
