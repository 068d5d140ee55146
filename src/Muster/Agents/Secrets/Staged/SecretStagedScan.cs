using Muster.Agents.Secrets.History;
using Muster.Workspace;
using Muster.Workspace.Git;
using Muster.Workspace.Processes;

namespace Muster.Agents.Secrets.Staged;

/// <summary>
/// <c>muster audit --staged</c>: scans the blobs git's index holds for the files the next commit adds or changes,
/// never the work-tree files (a secret staged and then deleted from disk is still committed; one typed after
/// <c>git add</c> is not). Blobs are read through one <c>git cat-file --batch</c>, so line numbers are the staged
/// blob's. Every staged file is tracked once committed, so each is rated as tracked.
/// </summary>
internal sealed class SecretStagedScan(SecretFileScanner scanner, WorkspaceWalker walker, SecretsAllowList allow, IProcessStarter processes,
    string? gitSearchPath = null)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private const long InMemoryLimit = 8L * 1024 * 1024;

    private readonly List<FileOutcome> _outcomes = [];
    private readonly List<WorkspaceFile> _files = [];

    public ScanTally Tally { get; } = new();
    public IReadOnlyList<WorkspaceFile> Files => _files;
    public IReadOnlyList<FileOutcome> Outcomes => _outcomes;

    /// <summary>Staged entries git listed under the root, selected or not.</summary>
    public int Listed { get; private set; }

    /// <exception cref="GitUnavailableException">Not a git work tree, or git could not list or read the index.</exception>
    public async Task RunAsync(string root, int threads, Action<string> progress, CancellationToken cancellationToken)
    {
        using var git = GitRunner.Open(root, GitAccess.History, gitSearchPath, processes: processes);
        var (staged, error) = await StagedChanges.ListAsync(git, Timeout, cancellationToken);
        if (error is not null) throw new GitUnavailableException($"the staged changes could not be listed: {error}");
        Listed = staged.Count;
        var selected = new List<StagedFile>();
        foreach (var file in staged)
        {
            if (!walker.SelectsPath(file.RelativePath)) continue;
            if (allow.AllowsPath(file.RelativePath)) { Tally.AllowedPaths++; continue; }
            selected.Add(file);
        }
        if (selected.Count == 0) return;
        // git writes the blobs one after another on one pipe; they are copied out and scanned by a worker per core.
        using var queue = new System.Collections.Concurrent.BlockingCollection<(WorkspaceFile Entry, string? Sensitive, byte[] Content)>(boundedCapacity: 64);
        var workers = Enumerable.Range(0, Math.Max(1, threads)).Select(_ => Task.Run(() =>
        {
            foreach (var (entry, sensitive, content) in queue.GetConsumingEnumerable(cancellationToken))
            {
                using var stream = new MemoryStream(content, writable: false);
                Add(entry, sensitive, scanner.Scan(stream, cancellationToken));
            }
        }, cancellationToken)).ToList();
        try
        {
            await ReadBlobsAsync(git, root, selected, queue, progress, cancellationToken);
        }
        finally
        {
            queue.CompleteAdding();
            await Task.WhenAll(workers);
        }
    }

    private async Task ReadBlobsAsync(GitRunner git, string root, List<StagedFile> selected,
        System.Collections.Concurrent.BlockingCollection<(WorkspaceFile, string?, byte[])> queue, Action<string> progress, CancellationToken cancellationToken)
    {
        await using var batch = GitBlobBatch.Start(git, selected.Select(f => f.Blob).ToList(), Timeout, cancellationToken);
        var read = 0;
        foreach (var file in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = batch.NextSize()
                ?? throw new GitUnavailableException($"git cat-file stopped after {read:N0} of {selected.Count:N0} staged blobs");
            read++;
            var entry = new WorkspaceFile(file.RelativePath, Path.Combine(root, file.RelativePath), Math.Max(size, 0));
            var sensitive = SensitiveFiles.Classify(file.RelativePath);
            if (size < 0)
            {
                walker.RecordError(file.RelativePath, $"staged blob {file.Blob} is not in the object database; not read");
                if (sensitive is not null) lock (_outcomes) _outcomes.Add(new FileOutcome(entry, [], sensitive));
                continue;
            }
            lock (_files) _files.Add(entry);
            using var content = batch.Content(size);
            if (size == 0)
            {
                Interlocked.Increment(ref Tally.Empty);
                if (sensitive is not null) lock (_outcomes) _outcomes.Add(new FileOutcome(entry, [], sensitive, FullyRead: true));
                continue;
            }
            if (size > InMemoryLimit)
            {
                // A large blob is scanned from the pipe as it streams, in bounded memory.
                Add(entry, sensitive, scanner.Scan(content, cancellationToken));
                continue;
            }
            var bytes = new byte[size];
            content.ReadExactly(bytes);
            queue.Add((entry, sensitive, bytes), cancellationToken);
            if (read % 500 == 0) progress($"{read:N0} of {selected.Count:N0} staged files read");
        }
        var exit = await batch.FinishAsync(cancellationToken);
        if (!exit.Succeeded) throw new GitUnavailableException($"git cat-file failed on the staged blobs: {exit.Error}");
    }

    private void Add(WorkspaceFile entry, string? sensitive, FileScanResult result)
    {
        var (detections, fullyRead) = Tally.Record(result, why => walker.RecordError(entry.RelativePath, why + "; parts of this staged file are not verified"));
        if (detections.Count > 0 || sensitive is not null) lock (_outcomes) _outcomes.Add(new FileOutcome(entry, detections, sensitive, fullyRead));
    }
}
