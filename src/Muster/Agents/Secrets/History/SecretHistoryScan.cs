using Muster.Workspace.Git;
using Muster.Workspace.Processes;

namespace Muster.Agents.Secrets.History;

/// <summary>
/// Scans the blobs history wrote, with the tree's detector. One <c>git log --raw</c> pass lists, per commit, the
/// regular-file blobs it added or changed (merges against their first parent, so a conflict resolution that adds a
/// line is read too; renames as delete + add, so the new path is known). Each distinct blob is read once, however many
/// commits and paths carry it, through one <c>git cat-file --batch</c>, and scanned whole.
/// <para>
/// Attribution: the log is in topological order, newest first, so the last commit seen writing a blob is the oldest
/// one that introduced it. A secret is placed in the oldest commit whose blob holds it (several blobs of one file's
/// history hold the same key): that commit's new blob contains the value and every older blob that holds it would have
/// been seen later in the log, so it is the commit that added the value, at the line the value has in that blob.
/// Scanning whole blobs rather than diff lines keeps multi-line keys (PEM blocks) and each rule's context window whole.
/// </para>
/// </summary>
/// <param name="time">The clock of the elapsed time and git's timeouts.</param>
/// <param name="processes">What starts git (the agent context's).</param>
/// <param name="gitSearchPath">Where to look for git (tests); null: PATH.</param>
internal sealed class SecretHistoryScan(SecretFileScanner scanner, Func<string, bool> selectsPath, TimeProvider time, IProcessStarter processes,
    string? gitSearchPath = null)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(55);
    private static readonly TimeSpan QuickTimeout = TimeSpan.FromSeconds(60);

    public async Task<HistoryScanResult> RunAsync(string root, HistoryScope scope, int maxCommits, Action<string> progress, CancellationToken cancellationToken)
    {
        var result = new HistoryScanResult { Scope = scope, MaxCommits = maxCommits };
        var started = time.GetTimestamp();
        try
        {
            if (scope.Kind == HistoryScopeKind.None) result.NotVerified = "history: none";
            else await ScanAsync(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)), scope, maxCommits, result, progress, cancellationToken);
        }
        catch (Exception e) when (e is GitUnavailableException or IOException or UnauthorizedAccessException or InvalidOperationException
                                      && !cancellationToken.IsCancellationRequested)
        {
            // git vanished or its output broke off: the tree scan's results stand, history is reported unverified
            result.NotVerified = $"reading history failed after {result.Commits:N0} commits: {e.GetType().Name}: {e.Message}";
        }
        finally
        {
            result.Seconds = time.GetElapsedTime(started).TotalSeconds;
        }
        return result;
    }

    private async Task ScanAsync(string root, HistoryScope scope, int maxCommits, HistoryScanResult result, Action<string> progress, CancellationToken cancellationToken)
    {
        GitRepositoryLocation location;
        try
        {
            location = GitRepositoryLocation.Find(root);
        }
        catch (GitUnavailableException e)
        {
            result.NotVerified = e.Message;
            result.RepositoryFound = HasGitEntry(root);
            return;
        }
        if (location.WorkTree != root)
        {
            // A folder of a larger repository: its history is that repository's, not the workspace's.
            result.NotVerified = "the workspace is a folder of a larger git repository; audit the repository's top folder to scan its history";
            return;
        }
        result.RepositoryFound = true;
        GitRunner git;
        try
        {
            git = GitRunner.Open(root, GitAccess.History, gitSearchPath, time, processes);
        }
        catch (GitUnavailableException e)
        {
            result.NotVerified = e.Message;
            return;
        }
        using (git)
        {
            var head = await git.RunAsync(["rev-parse", "--verify", "-q", "HEAD^{commit}"], QuickTimeout, cancellationToken);
            if (!head.Succeeded) return; // no commit yet: there is no history to read
            var range = "HEAD";
            if (scope.Kind == HistoryScopeKind.Since)
            {
                var since = await git.RunAsync(["rev-parse", "--verify", "-q", "--end-of-options", scope.Since + "^{commit}"], QuickTimeout, cancellationToken);
                if (!since.Succeeded)
                {
                    result.NotVerified = $"since={scope.Since}: no such commit in this repository";
                    return;
                }
                range = since.Output.Trim() + "..HEAD";
            }
            var shallow = await git.RunAsync(["rev-parse", "--is-shallow-repository"], QuickTimeout, cancellationToken);
            result.Shallow = shallow.Succeeded && shallow.Output.Trim() == "true";

            var (commits, blobs) = await ListBlobsAsync(git, range, maxCommits, result, progress, cancellationToken);
            if (result.NotVerified is not null && commits.Count == 0) return;
            await ScanBlobsAsync(git, commits, blobs, result, progress, cancellationToken);
            if (result.Occurrences.Count > 0) await FindUnpushedAsync(git, result, cancellationToken);
        }
    }

    private async Task<(List<HistoryCommit>, Dictionary<string, (int Order, string Path)>)> ListBlobsAsync(
        GitRunner git, string range, int maxCommits, HistoryScanResult result, Action<string> progress, CancellationToken cancellationToken)
    {
        var commits = new List<HistoryCommit>();
        var blobs = new Dictionary<string, (int Order, string Path)>(StringComparer.Ordinal);
        string[] arguments =
        [
            "log", "--raw", "-z", "--no-abbrev", "--no-renames", "--topo-order", "--diff-merges=first-parent", "--no-color",
            GitLogRawParser.Format, $"--max-count={(long)maxCommits + 1}", "--end-of-options", range,
        ];
        await using var log = git.Start(arguments, Timeout, cancellationToken);
        try
        {
            // git stops after maxCommits + 1 commits: the extra one only says the bound cut history. The output is read
            // to its end so git exits by itself (killing it would walk /proc for its process tree).
            foreach (var entry in GitLogRawParser.Parse(log.Output))
            {
                if (commits.Count == maxCommits)
                {
                    result.Truncated = true;
                    continue;
                }
                var order = commits.Count;
                commits.Add(new HistoryCommit(entry.Commit, entry.AuthorDate));
                foreach (var change in entry.Changes)
                {
                    if (!selectsPath(change.Path)) { result.SkippedPaths++; continue; }
                    // Orders only grow, so a later sighting is an older commit; within one commit, the first path in git's order.
                    if (!blobs.TryGetValue(change.Blob, out var seen) || seen.Order < order) blobs[change.Blob] = (order, change.Path);
                }
                if (commits.Count % 1000 == 0) progress($"history: {commits.Count:N0} commits listed ({blobs.Count:N0} blobs)");
            }
        }
        catch (IOException) when (log.Stopped && !cancellationToken.IsCancellationRequested)
        {
            // timed out: reported below
        }
        var exit = await log.WaitAsync(cancellationToken);
        if (!exit.Succeeded) result.NotVerified = $"{exit.Error}; {commits.Count:N0} commits were listed";
        result.Commits = commits.Count;
        result.Blobs = blobs.Count;
        return (commits, blobs);
    }

    private async Task ScanBlobsAsync(GitRunner git, List<HistoryCommit> commits, Dictionary<string, (int Order, string Path)> blobs,
        HistoryScanResult result, Action<string> progress, CancellationToken cancellationToken)
    {
        var ids = blobs.Keys.ToList();
        await using var batch = GitBlobBatch.Start(git, ids, Timeout, cancellationToken);
        var done = 0;
        try
        {
            foreach (var id in ids)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var size = batch.NextSize();
                if (size is null)
                {
                    result.NotVerified = batch.Stopped ? $"git cat-file timed out after {done:N0} of {ids.Count:N0} blobs" : $"git cat-file stopped after {done:N0} of {ids.Count:N0} blobs";
                    return;
                }
                done++;
                if (size < 0) continue; // not in the object database (a partial clone's promised blob): counted below
                FileScanResult scan;
                using (var content = batch.Content(size.Value))
                {
                    if (size == 0) { result.BlobsScanned++; continue; } // disposing still consumes git's trailing newline
                    scan = scanner.Scan(content, cancellationToken);
                }
                result.Bytes += scan.Bytes;
                if (scan.IsBinary) { result.BinaryBlobs++; continue; }
                result.BlobsScanned++;
                if (scan.Encoding != "utf-8") result.Utf16Blobs++;
                result.RegexTimeouts += scan.RegexTimeouts;
                var real = scan.Detections.Where(d => !d.IsPlaceholder).ToList();
                result.Placeholders += scan.Detections.Count - real.Count;
                var (order, path) = blobs[id];
                if (real.Count > 0) result.Occurrences.Add(new HistoryOccurrence(path, commits[order], order, real));
                if (done % 2000 == 0) progress($"history: {done:N0} of {ids.Count:N0} blobs scanned ({result.Commits:N0} commits)");
            }
        }
        catch (IOException) when (batch.Stopped && !cancellationToken.IsCancellationRequested)
        {
            result.NotVerified = $"git cat-file timed out after {done:N0} of {ids.Count:N0} blobs";
            return;
        }
        var exit = await batch.FinishAsync(cancellationToken);
        if (!exit.Succeeded)
        {
            result.NotVerified = exit.Error;
            return;
        }
        var missing = done - result.BlobsScanned - result.BinaryBlobs;
        if (missing > 0) result.NotVerified = $"{missing:N0} blob(s) are not in the object database (a partial clone?) and were not read";
    }

    /// <summary>Commits no remote-tracking ref reaches: only these were never pushed. Without remote-tracking refs, nothing was.</summary>
    private static async Task FindUnpushedAsync(GitRunner git, HistoryScanResult result, CancellationToken cancellationToken)
    {
        var remotes = await git.RunAsync(["for-each-ref", "--count=1", "--format=%(refname)", "refs/remotes/"], QuickTimeout, cancellationToken);
        if (!remotes.Succeeded)
        {
            result.PushedUnknown = remotes.Error;
            return;
        }
        if (remotes.Output.Trim().Length == 0) return;
        var local = await git.RunAsync(["rev-list", "HEAD", "--not", "--remotes"], Timeout, cancellationToken);
        if (!local.Succeeded)
        {
            result.PushedUnknown = local.Error;
            return;
        }
        result.Unpushed = new HashSet<string>(local.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
    }

    private static bool HasGitEntry(string root)
    {
        for (var dir = root; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var dotGit = Path.Combine(dir, ".git");
            if (Directory.Exists(dotGit) || File.Exists(dotGit)) return true;
        }
        return false;
    }
}
