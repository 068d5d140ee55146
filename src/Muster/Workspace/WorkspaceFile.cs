namespace Muster.Workspace;

/// <summary>A regular file inside the audited root. <see cref="RelativePath"/> uses '/' on every platform.</summary>
public sealed record WorkspaceFile(string RelativePath, string FullPath, long Length);
