namespace Muster.Workspace.Git;

/// <summary>What of the repository a <see cref="GitRunner"/> exposes to git.</summary>
public enum GitAccess
{
    /// <summary>A snapshot of the index and the exclude file: enough for <c>ls-files</c> and <c>check-ignore</c>. No objects.</summary>
    WorkTree,

    /// <summary>Also a snapshot of the refs and read access to the object database: <c>log</c>, <c>rev-list</c>, <c>cat-file</c>.</summary>
    History,
}
