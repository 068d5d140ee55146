namespace Muster.Workspace.Git;

/// <summary>
/// Where a root's git metadata lives, found without running git (git's own discovery would read the repository's
/// configuration, which is the audited party's to write). Walks up from the root to the first <c>.git</c>; a
/// <c>.git</c> file ("gitdir: …") is followed only when it points inside the root or is a linked worktree whose
/// back-pointer names this very <c>.git</c> file.
/// </summary>
public sealed record GitRepositoryLocation(string WorkTree, string GitDirectory, string CommonDirectory, bool Sha256, IReadOnlyList<GitNote> Notes)
{
    private const int PointerFileLimit = 4096;

    /// <summary>The repository holding <paramref name="root"/>; throws <see cref="GitUnavailableException"/> naming why there is none.</summary>
    public static GitRepositoryLocation Find(string root)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        for (var dir = root; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var dotGit = Path.Combine(dir, ".git");
            if (Directory.Exists(dotGit) && new DirectoryInfo(dotGit).LinkTarget is null) return Build(root, dir, dotGit, linkedWorktree: false);
            if (File.Exists(dotGit) || Directory.Exists(dotGit))
            {
                var (gitDir, linked) = FollowPointer(root, dotGit);
                return Build(root, dir, gitDir, linked);
            }
        }
        throw new GitUnavailableException("not inside a git work tree");
    }

    private static GitRepositoryLocation Build(string root, string workTree, string gitDir, bool linkedWorktree)
    {
        if (!File.Exists(Path.Combine(gitDir, "HEAD"))) throw new GitUnavailableException($"{gitDir} is not a git directory (no HEAD)");
        var commonDir = gitDir;
        var commonPointer = Path.Combine(gitDir, "commondir");
        if (File.Exists(commonPointer)) commonDir = Path.GetFullPath(ReadPointer(commonPointer), gitDir);
        // Inside the workspace, every pointer must stay inside it (the enclosing repository of a sub-folder and a
        // verified linked worktree are git's own layout, not the audited party's choice).
        if (workTree == root && !linkedWorktree && !IsInside(commonDir, root))
            throw new GitUnavailableException($"{Path.GetRelativePath(root, commonPointer)} points to {commonDir}, outside the workspace; git status not read", outsideReference: true);
        if (!Directory.Exists(Path.Combine(commonDir, "objects"))) throw new GitUnavailableException($"{commonDir} is not a git directory (no objects folder)");
        var notes = new List<GitNote>();
        if (workTree != root)
            notes.Add(new GitNote("enclosing-repository", $"the workspace is a folder of the git repository at {workTree}; git status comes from that repository's index"));
        else if (!IsInside(commonDir, root))
            notes.Add(new GitNote("metadata-outside", $"the workspace is a linked git worktree; its metadata is read from {commonDir}, outside the workspace"));
        if (FileOwner.IsForeign(gitDir) || FileOwner.IsForeign(workTree))
        {
            notes.Add(new GitNote("foreign-owner",
                $"the repository is owned by uid {FileOwner.UidOf(gitDir) ?? FileOwner.UidOf(workTree)}, not by the user running Muster (uid {FileOwner.CurrentUid()}): " +
                "it was read without loading its configuration or hooks and nothing in it was written"));
        }
        return new GitRepositoryLocation(workTree, gitDir, commonDir, GitConfigPeek.UsesSha256(Path.Combine(commonDir, "config")), notes);
    }

    private static (string GitDir, bool LinkedWorktree) FollowPointer(string root, string dotGit)
    {
        if (Directory.Exists(dotGit))
        {
            var target = Path.GetFullPath(new DirectoryInfo(dotGit).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dotGit);
            if (IsInside(target, root)) return (target, false);
            throw new GitUnavailableException($".git is a symbolic link to {target}, outside the workspace; git status not read", outsideReference: true);
        }
        var gitDir = Path.GetFullPath(ReadPointer(dotGit, "gitdir: "), Path.GetDirectoryName(dotGit)!);
        if (IsInside(gitDir, root)) return (gitDir, false);
        // A linked worktree's git directory names the .git file that points to it: that pair is git's own bookkeeping.
        var backPointer = Path.Combine(gitDir, "gitdir");
        if (File.Exists(backPointer) && Path.GetFullPath(ReadPointer(backPointer), gitDir) == dotGit) return (gitDir, true);
        throw new GitUnavailableException($".git points to {gitDir}, outside the workspace, and that folder does not name this worktree; git status not read", outsideReference: true);
    }

    private static string ReadPointer(string path, string prefix = "")
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[PointerFileLimit];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var line = System.Text.Encoding.UTF8.GetString(buffer, 0, read).Split('\n', 2)[0].TrimEnd('\r');
        if (!line.StartsWith(prefix, StringComparison.Ordinal) || line.Length == prefix.Length)
            throw new GitUnavailableException($"{path} is not a git pointer file");
        return line[prefix.Length..];
    }

    internal static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
