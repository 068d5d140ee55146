using System.Collections.Concurrent;
using Muster.Workspace;

namespace Muster.Agents.Secrets;

/// <summary>
/// Walks a root and scans its files in one pipeline: workers take files as the walk yields them, so listing folders
/// overlaps reading files instead of preceding it. Keeps only files with something to report; git status is looked
/// up afterwards for those few, not for every file.
/// </summary>
internal sealed class SecretTreeScan(WorkspaceWalker walker, SecretFileScanner scanner, SecretsAllowList allow, ISecretScrubber scrubber)
{
    private readonly ConcurrentQueue<WorkspaceFile> _files = new();
    private readonly ConcurrentQueue<FileOutcome> _outcomes = new();

    public ScanTally Tally { get; } = new();

    /// <summary>Every file the walk listed (scanned or not).</summary>
    public IReadOnlyCollection<WorkspaceFile> Files => _files;

    public IReadOnlyCollection<FileOutcome> Outcomes => _outcomes;

    public void Run(int threads, Action<string> progress, CancellationToken cancellationToken)
    {
        var done = 0;
        var listed = walker.EnumerateFiles(cancellationToken).Select(f => { _files.Enqueue(f); return f; });
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(listed, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
            file =>
            {
                ScanOne(file, cancellationToken);
                var n = Interlocked.Increment(ref done);
                if (n % 500 == 0) progress($"{n:N0} files scanned ({_files.Count:N0} listed)");
            });
    }

    private void ScanOne(WorkspaceFile file, CancellationToken cancellationToken)
    {
        var tally = Tally;
        if (allow.AllowsPath(file.RelativePath)) { Interlocked.Increment(ref tally.AllowedPaths); return; }
        var sensitive = SensitiveFiles.Classify(file.RelativePath);
        // Empty entries hold no text; FIFOs and devices also report length 0 and would block a reader.
        if (file.Length == 0)
        {
            var why = SpecialFileProbe.WhyUnopenable(file.FullPath);
            if (why is not null) walker.RecordError(file.RelativePath, "unreadable: " + why);
            else Interlocked.Increment(ref tally.Empty);
            if (sensitive is not null) _outcomes.Enqueue(new FileOutcome(file, [], sensitive, FullyRead: why is null));
            return;
        }
        IReadOnlyList<SecretDetection> detections = [];
        var fullyRead = false;
        try
        {
            var result = scanner.Scan(file.FullPath, cancellationToken);
            Interlocked.Add(ref tally.Bytes, result.Bytes);
            if (result.IsBinary) Interlocked.Increment(ref tally.Binary);
            else
            {
                Interlocked.Increment(ref tally.Scanned);
                if (result.Encoding != "utf-8") Interlocked.Increment(ref tally.Utf16);
                if (result.RegexTimeouts > 0)
                {
                    Interlocked.Add(ref tally.RegexTimeouts, result.RegexTimeouts);
                    walker.RecordError(file.RelativePath, $"{result.RegexTimeouts} rule window(s) gave up after {SecretRuleSet.MatchTimeout.TotalMilliseconds:0} ms; parts of this file are not verified");
                }
                var placeholders = result.Detections.Count(d => d.IsPlaceholder) + result.References;
                if (placeholders > 0) Interlocked.Add(ref tally.Placeholders, placeholders);
                detections = placeholders == result.References ? result.Detections : result.Detections.Where(d => !d.IsPlaceholder).ToList();
                fullyRead = result.RegexTimeouts == 0;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            walker.RecordError(file.RelativePath, e is FileNotFoundException or DirectoryNotFoundException
                ? "vanished during the scan" : "unreadable: " + e.GetType().Name + ": " + scrubber.Scrub(e.Message));
        }
        if (detections.Count > 0 || sensitive is not null) _outcomes.Enqueue(new FileOutcome(file, detections, sensitive, fullyRead));
    }
}
