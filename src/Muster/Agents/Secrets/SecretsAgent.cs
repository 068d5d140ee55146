using Muster.Agents.Secrets.History;
using Muster.Agents.Secrets.Staged;
using Muster.Model;
using Muster.Workspace;
using Muster.Workspace.Git;

namespace Muster.Agents.Secrets;

/// <summary>
/// The seed's missing first-wave agent: finds plaintext credentials (provider keys, private keys, connection URLs,
/// passwords) and credential files, and rates each by whether git would publish it. Secrets never leave it whole:
/// evidence is redacted and fingerprints are salted hashes.
/// </summary>
internal sealed class SecretsAgent : IAgent
{
    public const string Category = "security";
    public const string ScanErrorRuleId = "secrets/scan-error";
    public const string SensitiveFileRuleId = "secrets/sensitive-file-exposed";

    public static readonly AgentDescriptor Descriptor =
        new("secrets", AgentRole.Scanner, "Finds plaintext credentials and key files, rated by git tracking and .gitignore coverage.",
            () => new SecretsAgent())
        {
            Settings = SecretsSettings.Docs,
            SoftTimeout = TimeSpan.FromMinutes(5),
            HardTimeout = TimeSpan.FromMinutes(60),
            ValidateSettings = s => SecretsSettings.From(s),
            Metrics = [GateMetricNames.FilesScanned],
        };

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken) =>
        Task.Run(() => Run(context, cancellationToken), cancellationToken);

    private static AgentResult Run(AgentContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var typed = SecretsSettings.From(settings);
        // The plan's setting is relative to the audited root; the command line's (--rules) to the working directory.
        var rulesPath = typed.Rules is { } fromPlan ? Path.Combine(context.Root, fromPlan)
            : context.RunParameters.TryGetValue("rules", out var fromCli) ? Path.GetFullPath(fromCli) : null;
        var rules = rulesPath is null ? SecretRuleSet.BuiltIn : SecretRuleSet.WithUserFile(rulesPath);
        var allow = SecretsAllowList.FromSettings(settings);
        var (baseline, baselineNote) = LoadBaseline(context.Root, typed.Baseline);
        var threads = Math.Max(1, typed.Threads ?? Environment.ProcessorCount);
        var chunkChars = Math.Max(64 * 1024, typed.ChunkChars ?? ChunkedTextReader.DefaultChunkChars);
        var (salt, saltSource) = WorkspaceSalt.Resolve(context.Root, typed.Salt,
            context.Services.TryGet<RunStateFolder>(out var state) ? state!.Path : null);

        var started = context.Time.GetTimestamp();
        var walker = new WorkspaceWalker(context.Root, new WalkOptions
        {
            Include = typed.Include,
            Exclude = typed.Exclude,
        });
        var detector = new SecretDetector(rules);
        var scanned = IsStaged(context)
            ? ScanStaged(context, walker, new SecretFileScanner(detector, chunkChars), allow, threads, cancellationToken)
            : ScanTree(context, typed, walker, detector, chunkChars, threads, allow, cancellationToken);
        var (files, tally, gitNote) = (scanned.Files, scanned.Tally, scanned.GitNote);
        var candidates = new List<Candidate>();
        foreach (var outcome in scanned.Outcomes)
        {
            var status = scanned.StatusOf(outcome.File.RelativePath);
            if (outcome.SensitiveKind is not null && status.IsExposed()) candidates.Add(new Candidate(outcome.File, status, null, outcome.SensitiveKind, outcome.FullyRead));
            candidates.AddRange(outcome.Detections.Select(d => new Candidate(outcome.File, status, d, null)));
        }
        var scanTime = context.Time.GetElapsedTime(started);
        var history = scanned.History.GetAwaiter().GetResult();

        var builder = new SecretFindingBuilder(salt, context.AgentId, allow, baseline?.Baseline, context.Scrubber)
        {
            BaselineFile = baseline?.File ?? "",
            ComputeBaselineKeys = typed.BaselineKeys,
        };
        var findings = builder.Build(candidates, tally);
        builder.AddHistory(findings, history, tally);
        findings.AddRange(HistoryNoteFindings.From(history, context.AgentId));
        findings.AddRange(GitNoteFindings.From(scanned.GitNotes, context.AgentId));
        findings.AddRange(walker.Errors.Select(e => new Finding
        {
            RuleId = ScanErrorRuleId,
            Title = "File could not be scanned for secrets",
            Severity = Severity.Info,
            Category = Category,
            Message = $"Not verified free of secrets: {e.Message}",
            Location = new SourceLocation(e.RelativePath),
            Remediation = "Make the path readable by the user running Muster, or exclude it explicitly.",
            AgentId = context.AgentId,
        }.WithDefaultFingerprint(e.Message)));

        var seconds = Math.Max(scanTime.TotalSeconds, 1e-6);
        var megabytes = tally.Bytes / (1024.0 * 1024.0);
        var bySeverity = SeverityText.WorstFirst
            .Select(s => (s, findings.Count(f => f.Severity == s && f.RuleId != ScanErrorRuleId)))
            .Where(x => x.Item2 > 0)
            .Select(x => $"{x.Item2} {x.s.ToLabel()}")
            .ToList();
        var summary =
            $"Scanned {tally.Scanned:N0} of {files.Count:N0} files ({megabytes:N1} MB in {seconds:N1} s, {megabytes / seconds:N1} MB/s) with {rules.Rules.Count} rules" +
            (tally.Utf16 > 0 ? $" ({tally.Utf16:N0} decoded from UTF-16); " : "; ") +
            $"{tally.Binary:N0} binary and {tally.Empty:N0} empty skipped, {walker.SkippedDirectories:N0} folders and {walker.SkippedFiles + tally.AllowedPaths:N0} files excluded, " +
            $"{walker.Errors.Count:N0} not verified (scan errors). " +
            (bySeverity.Count == 0 ? "No exposed credentials found. " : $"Found {string.Join(", ", bySeverity)}. ") +
            $"Ignored: {tally.Placeholders:N0} placeholders, {tally.AllowedInline + tally.AllowedByConfig:N0} allow-listed, {tally.Baselined:N0} baselined. " +
            $"{gitNote}; {HistoryNoteFindings.Summary(history)}; fingerprint salt: {saltSource}." + baselineNote;

        return new AgentResult
        {
            Findings = findings,
            Artifacts = [new Artifact("secrets.md", "text/markdown", SecretsReport.Markdown(findings, summary))],
            Summary = summary,
            Metrics = new Dictionary<string, double>
            {
                ["files"] = files.Count,
                [GateMetricNames.FilesScanned] = tally.Scanned,
                ["bytes"] = tally.Bytes,
                ["binary_skipped"] = tally.Binary,
                ["utf16_files"] = tally.Utf16,
                ["empty_skipped"] = tally.Empty,
                ["skipped_dirs"] = walker.SkippedDirectories,
                ["skipped_files"] = walker.SkippedFiles + tally.AllowedPaths,
                ["scan_errors"] = walker.Errors.Count,
                ["regex_timeouts"] = tally.RegexTimeouts,
                ["mb_per_s"] = Math.Round(megabytes / seconds, 2),
                ["seconds"] = Math.Round(seconds, 3),
                ["placeholders"] = tally.Placeholders,
                ["allow_listed"] = tally.AllowedInline + tally.AllowedByConfig,
                ["baselined"] = tally.Baselined,
                ["rules"] = rules.Rules.Count,
                ["history_commits"] = history.Commits,
                ["history_blobs"] = history.BlobsScanned,
                ["history_bytes"] = history.Bytes,
                ["history_seconds"] = Math.Round(history.Seconds, 3),
            },
        };
    }

    private static bool IsStaged(AgentContext context) =>
        context.RunParameters.TryGetValue(StagedScope.RunParameter, out var staged) && staged == "true";

    /// <summary>The files of the tree, with git status from the work tree (or .gitignore outside one) and history read alongside.</summary>
    private static ScanOutput ScanTree(AgentContext context, SecretsSettings typed, WorkspaceWalker walker, SecretDetector detector, int chunkChars,
        int threads, SecretsAllowList allow, CancellationToken cancellationToken)
    {
        // git's ls-files calls run while the files are read: only the few files with findings need a status.
        var gitLoad = Task.Run(() => GitStatusIndex.LoadAsync(context.Root, GitRunner.DefaultTimeout, cancellationToken, context.Processes), cancellationToken);
        var (historyScope, maxCommits) = HistoryOptions(context, typed);
        // History is read by git and one scanning thread while the tree scan runs.
        var historyScan = new SecretHistoryScan(new SecretFileScanner(detector, chunkChars), path => walker.SelectsPath(path) && !allow.AllowsPath(path), context.Time,
            context.Processes);
        var historyLoad = Task.Run(() => historyScan.RunAsync(context.Root, historyScope, maxCommits, context.ReportProgress, cancellationToken), cancellationToken);
        var scan = new SecretTreeScan(walker, new SecretFileScanner(detector, chunkChars), allow, context.Scrubber);
        scan.Run(threads, context.ReportProgress, cancellationToken);
        var files = scan.Files;
        var gitNotes = gitLoad.GetAwaiter().GetResult();
        var (git, gitReason) = (gitNotes.Index, gitNotes.Reason);
        var gitignore = git is null ? GitignoreMatcher.FromFiles(files, walker.RecordError) : null;
        GitFileStatus StatusOf(string path) => git?.StatusOf(path)
                                               ?? (gitignore!.IsIgnored(path) ? GitFileStatus.IgnoredByGitignore : GitFileStatus.NotIgnored);
        var gitNote = git is not null
            ? $"git status from the work tree ({git.TrackedCount:N0} tracked files)"
            : $"not a git work tree ({gitReason}); .gitignore coverage evaluated from {gitignore!.PatternCount} pattern(s)";
        return new ScanOutput(files, scan.Tally, scan.Outcomes, StatusOf, gitNote, gitNotes.Notes, historyLoad);
    }

    /// <summary>The staged blobs only; every one is committed with the next commit, so each is rated as tracked.</summary>
    private static ScanOutput ScanStaged(AgentContext context, WorkspaceWalker walker, SecretFileScanner scanner, SecretsAllowList allow,
        int threads, CancellationToken cancellationToken)
    {
        var scan = new SecretStagedScan(scanner, walker, allow, context.Processes);
        try
        {
            scan.RunAsync(context.Root, threads, context.ReportProgress, cancellationToken).GetAwaiter().GetResult();
        }
        catch (GitUnavailableException e)
        {
            throw new AgentSettingsException($"--staged reads git's index, which failed: {e.Message}");
        }
        var gitNote = $"staged changes only: {scan.Listed:N0} file(s) added or changed in git's index, read from their staged blobs (not the work tree)";
        return new ScanOutput(scan.Files, scan.Tally, scan.Outcomes, _ => GitFileStatus.Tracked, gitNote, [],
            Task.FromResult(new HistoryScanResult { Scope = HistoryScope.None }));
    }

    private sealed record ScanOutput(IReadOnlyCollection<WorkspaceFile> Files, ScanTally Tally, IReadOnlyCollection<FileOutcome> Outcomes,
        Func<string, GitFileStatus> StatusOf, string GitNote, IReadOnlyList<GitNote> GitNotes, Task<HistoryScanResult> History);

    /// <summary>
    /// The <c>baseline</c> setting's file (root-relative or absolute), none for 'none', else the committed default
    /// <c>muster-baseline.json</c>, else the deprecated <c>.muster/secrets-baseline.json</c>; with the summary's note.
    /// </summary>
    private static (LoadedBaseline? Baseline, string Note) LoadBaseline(string root, string? setting)
    {
        if (setting == SecretsBaseline.NoBaseline) return (null, "");
        var file = setting
                   ?? new[] { SecretsBaseline.DefaultRelativePath, SecretsBaseline.LegacyRelativePath }.FirstOrDefault(f => File.Exists(Path.Combine(root, f)));
        if (file is null) return (null, "");
        SecretsBaseline baseline;
        try
        {
            baseline = SecretsBaseline.Load(Path.Combine(root, file));
        }
        catch (InvalidDataException e)
        {
            throw new AgentSettingsException($"setting 'baseline': {e.Message}") { Key = "baseline" };
        }
        var note = $" Baseline: {file} ({baseline.Entries.Count} entries).";
        if (baseline.Version < SecretsBaseline.FormatVersion)
            note += $" Deprecated: a version 1 baseline matches only with this workspace's salt (not on a fresh clone); 'muster baseline PATH' writes a committed {SecretsBaseline.DefaultRelativePath}.";
        return (new LoadedBaseline(baseline, file), note);
    }

    private sealed record LoadedBaseline(SecretsBaseline Baseline, string File);

    /// <summary>The command line's <c>--history</c>/<c>--history-max-commits</c> when given, else the plan's, else all and 10,000.</summary>
    private static (HistoryScope Scope, int MaxCommits) HistoryOptions(AgentContext context, SecretsSettings typed)
    {
        var scope = context.RunParameters.TryGetValue(HistoryScope.RunParameter, out var fromCli)
            ? SecretsSettings.ParseHistory("--history", fromCli)
            : typed.History ?? HistoryScope.All;
        var maxCommits = context.RunParameters.TryGetValue(HistoryScope.MaxCommitsRunParameter, out var maxFromCli)
            ? SecretsSettings.ParseMaxCommits("--history-max-commits", maxFromCli)
            : typed.HistoryMaxCommits ?? HistoryScope.DefaultMaxCommits;
        return (scope, maxCommits);
    }
}
