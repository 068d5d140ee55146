namespace Muster.Workspace.Git;

/// <summary>Git cannot be used for this root: no repository, no git binary, or metadata Muster refuses to follow. The message says which.</summary>
/// <param name="outsideReference">True when the repository's metadata points outside the workspace and Muster would not follow it (worth a finding).</param>
public sealed class GitUnavailableException(string message, bool outsideReference = false) : Exception(message)
{
    public bool OutsideReference { get; } = outsideReference;
}
