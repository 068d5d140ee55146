namespace Muster.Workspace.Git;

/// <summary>A regular file whose staged blob differs from HEAD's (added or modified): what the next commit would write.</summary>
public sealed record StagedFile(string RelativePath, string Blob);

/// <summary>
/// The files the next commit adds or changes, read from git's index (<c>ls-files -s</c>) against HEAD's tree
/// (<c>ls-tree -r</c>), both through a <see cref="GitRunner"/> with history access, so the objects are the index's
/// blobs and never the work-tree files. Paths are relative to the runner's root (git lists only what is under it).
/// Symbolic links, submodules and unmerged entries are left out: they have no file content of their own to commit.
/// </summary>
public static class StagedChanges
{
    private const string RegularFile = "100644";
    private const string ExecutableFile = "100755";

    /// <summary>The staged files, or an error line from git.</summary>
    public static async Task<(IReadOnlyList<StagedFile> Files, string? Error)> ListAsync(GitRunner git, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var index = await git.RunAsync(["ls-files", "-s", "-z"], timeout, cancellationToken);
        if (!index.Succeeded) return ([], index.Error);
        var head = await git.RunAsync(["rev-parse", "--verify", "-q", "HEAD^{commit}"], timeout, cancellationToken);
        var committed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (head.Succeeded)
        {
            // Before the first commit there is no HEAD and every index entry is new.
            var tree = await git.RunAsync(["ls-tree", "-r", "-z", "--end-of-options", head.Output.Trim()], timeout, cancellationToken);
            if (!tree.Succeeded) return ([], tree.Error);
            foreach (var (_, blob, path) in ParseTree(tree.Output)) committed[path] = blob;
        }
        var staged = new List<StagedFile>();
        foreach (var (mode, blob, stage, path) in ParseIndex(index.Output))
        {
            if (stage != "0" || (mode != RegularFile && mode != ExecutableFile)) continue;
            // Unchanged, or a mode-only change (chmod +x): the commit writes no content HEAD does not already hold.
            if (committed.TryGetValue(path, out var before) && before == blob) continue;
            staged.Add(new StagedFile(path, blob));
        }
        return (staged, null);
    }

    /// <summary>"MODE BLOB STAGE\tPATH" records, NUL-terminated.</summary>
    internal static IEnumerable<(string Mode, string Blob, string Stage, string Path)> ParseIndex(string output)
    {
        foreach (var record in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = record.IndexOf('\t');
            if (tab < 0) continue;
            var fields = record[..tab].Split(' ');
            if (fields.Length != 3) continue;
            yield return (fields[0], fields[1], fields[2], record[(tab + 1)..]);
        }
    }

    /// <summary>"MODE TYPE OBJECT\tPATH" records, NUL-terminated; only blobs.</summary>
    internal static IEnumerable<(string Mode, string Blob, string Path)> ParseTree(string output)
    {
        foreach (var record in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = record.IndexOf('\t');
            if (tab < 0) continue;
            var fields = record[..tab].Split(' ');
            if (fields.Length != 3 || fields[1] != "blob") continue;
            yield return (fields[0], fields[2], record[(tab + 1)..]);
        }
    }
}
