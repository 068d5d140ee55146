using Muster.Workspace.Git;
using Muster.Workspace.Processes;

namespace Muster.Workspace;

/// <summary>
/// Git status of every file under a root, from three <c>git ls-files</c> calls through the <see cref="GitRunner"/>
/// (tracked; untracked ignored; tracked but matching an ignore pattern) instead of one process per file. Paths are
/// relative to the root with '/' separators.
/// </summary>
public sealed class GitStatusIndex
{
    private readonly HashSet<string> _tracked;
    private readonly HashSet<string> _ignoredFiles;
    private readonly HashSet<string> _ignoredDirectories;
    private readonly HashSet<string> _trackedButIgnored;

    private GitStatusIndex(HashSet<string> tracked, HashSet<string> ignoredFiles, HashSet<string> ignoredDirectories,
        HashSet<string> trackedButIgnored, IReadOnlyList<GitNote> notes)
    {
        _tracked = tracked;
        _ignoredFiles = ignoredFiles;
        _ignoredDirectories = ignoredDirectories;
        _trackedButIgnored = trackedButIgnored;
        Notes = notes;
    }

    public int TrackedCount => _tracked.Count;

    /// <summary>How the repository was read (foreign owner, metadata outside the workspace): worth reporting.</summary>
    public IReadOnlyList<GitNote> Notes { get; }

    /// <summary>The index for <paramref name="root"/>, or null (with the reason) when it is not in a git work tree or git is missing.</summary>
    public static GitStatusIndex? TryLoad(string root, out string? reason)
    {
        var load = LoadAsync(root, GitRunner.DefaultTimeout, CancellationToken.None).GetAwaiter().GetResult();
        reason = load.Reason;
        return load.Index;
    }

    /// <summary>The index for <paramref name="root"/>, or null with the reason git status could not be read.</summary>
    /// <param name="processes">What starts git (real processes by default; an agent passes its context's).</param>
    public static async Task<GitStatusLoad> LoadAsync(string root, TimeSpan timeout, CancellationToken cancellationToken, IProcessStarter? processes = null)
    {
        GitRunner git;
        try
        {
            git = GitRunner.Open(root, processes: processes);
        }
        catch (GitUnavailableException e)
        {
            return new GitStatusLoad(null, e.Message, e.OutsideReference ? [new GitNote("outside-reference", e.Message)] : []);
        }
        using (git)
        {
            var tracked = await git.RunAsync(["ls-files", "-z", "--cached"], timeout, cancellationToken);
            var ignored = await git.RunAsync(["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"], timeout, cancellationToken);
            var trackedIgnored = await git.RunAsync(["ls-files", "-z", "--cached", "--ignored", "--exclude-standard"], timeout, cancellationToken);
            if (!tracked.Succeeded || !ignored.Succeeded || !trackedIgnored.Succeeded)
                return new GitStatusLoad(null, tracked.Error ?? ignored.Error ?? trackedIgnored.Error, git.Repository.Notes);
            var files = new HashSet<string>(StringComparer.Ordinal);
            var dirs = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in Split(ignored.Output))
            {
                if (entry.EndsWith('/')) dirs.Add(entry.TrimEnd('/'));
                else files.Add(entry);
            }
            var index = new GitStatusIndex(Split(tracked.Output), files, dirs, Split(trackedIgnored.Output), git.Repository.Notes);
            return new GitStatusLoad(index, null, git.Repository.Notes);
        }
    }

    public GitFileStatus StatusOf(string relativePath)
    {
        if (_tracked.Contains(relativePath)) return GitFileStatus.Tracked;
        return IsUnderIgnored(relativePath) ? GitFileStatus.Ignored : GitFileStatus.Untracked;
    }

    public bool IsTracked(string relativePath) => _tracked.Contains(relativePath);

    /// <summary>True when a .gitignore pattern (or the exclude file) covers the path, tracked or not: what <c>git check-ignore --no-index</c> answers.</summary>
    public bool IsCoveredByIgnorePattern(string relativePath) =>
        _trackedButIgnored.Contains(relativePath) || (!_tracked.Contains(relativePath) && IsUnderIgnored(relativePath));

    private bool IsUnderIgnored(string relativePath)
    {
        if (_ignoredFiles.Contains(relativePath)) return true;
        for (var slash = relativePath.IndexOf('/'); slash > 0; slash = relativePath.IndexOf('/', slash + 1))
        {
            if (_ignoredDirectories.Contains(relativePath[..slash])) return true;
        }
        return false;
    }

    private static HashSet<string> Split(string output) =>
        new(output.Split('\0', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
