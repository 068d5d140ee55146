using System.Diagnostics;
using System.Globalization;
using Muster.Agents.Secrets;
using Muster.Agents.Secrets.History;
using Muster.Workspace;
using Muster.Workspace.Processes;

namespace Muster.Bench;

/// <summary>
/// Times the secrets agent's history scan on a generated repository (built with <c>git fast-import</c>: N commits over a
/// pool of source files, each commit rewriting two of them, with a key added and deleted again every 500 commits) and,
/// with <c>--real</c>, on the git repositories under /work/corpus (or <c>--repos a,b</c>). Reports commits/s, blobs/s
/// and MB/s, and on the synthetic repository how many planted keys were found.
/// Usage: secrets-history [--commits 10000] [--files 400] [--real [--repos a,b]] [--dir /tmp/muster-history-bench] [--keep]
/// </summary>
internal sealed class SecretsHistoryBenchmark : IBenchmark
{
    public string Name => "secrets-history";
    public string Description => "Secrets history scan: commits/s, blobs/s and MB/s on a generated 10,000-commit repository (--real: on /work/corpus repositories).";

    public async Task RunAsync(string[] args)
    {
        var commits = int.Parse(Option(args, "--commits") ?? "10000", CultureInfo.InvariantCulture);
        var files = int.Parse(Option(args, "--files") ?? "400", CultureInfo.InvariantCulture);
        var dir = Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "muster-history-bench");
        try
        {
            var repo = Path.Combine(dir, "repo");
            if (Directory.Exists(repo)) Directory.Delete(repo, recursive: true);
            var watch = Stopwatch.StartNew();
            var planted = SyntheticHistory.Build(repo, commits, files);
            Console.WriteLine($"synthetic repository: {commits:N0} commits over {files:N0} files, {planted.Count} keys added then deleted; built in {watch.Elapsed.TotalSeconds:N1} s");
            var found = await Measure("synthetic", repo, commits);
            var recalled = planted.Count(p => found.Contains(p));
            Console.WriteLine($"  [synthetic] planted keys found in history: {recalled} of {planted.Count}; findings at other paths: {found.Count(f => !planted.Contains(f))}");
            if (args.Contains("--real"))
            {
                var repos = Option(args, "--repos")?.Split(',', StringSplitOptions.RemoveEmptyEntries)
                            ?? (Directory.Exists("/work/corpus") ? Directory.GetDirectories("/work/corpus").Where(d => Directory.Exists(Path.Combine(d, ".git"))).Order(StringComparer.Ordinal).ToArray() : []);
                if (repos.Length == 0) Console.WriteLine("no real repositories (none under /work/corpus; give --repos a,b)");
                foreach (var real in repos) await Measure(Path.GetFileName(real), real, HistoryScope.DefaultMaxCommits);
            }
        }
        finally
        {
            if (!args.Contains("--keep") && Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>One history scan (after a warm-up scan for the page cache and JIT); returns the paths of history-only findings.</summary>
    private static async Task<HashSet<string>> Measure(string name, string root, int maxCommits)
    {
        await Scan(root, maxCommits);
        var watch = Stopwatch.StartNew();
        var (history, findings) = await Scan(root, maxCommits);
        var seconds = watch.Elapsed.TotalSeconds;
        var megabytes = history.Bytes / 1048576.0;
        var historyOnly = findings.Where(f => f.Properties.GetValueOrDefault("git") == "history").ToList();
        Console.WriteLine($"  [{name}] {history.Commits:N0} commits, {history.BlobsScanned:N0} blobs scanned ({history.BinaryBlobs:N0} binary, {history.Blobs:N0} listed), {megabytes:N1} MB " +
                          $"in {seconds:N2} s: {history.Commits / seconds:N0} commits/s, {history.Blobs / seconds:N0} blobs/s, {megabytes / seconds:N1} MB/s; " +
                          $"{historyOnly.Count} history-only findings; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB" +
                          (history.NotVerified is { } why ? $"; not verified: {why}" : "") + (history.Truncated ? "; truncated by the commit bound" : ""));
        return historyOnly.Select(f => f.Location!.Path).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<(HistoryScanResult, List<Muster.Model.Finding>)> Scan(string root, int maxCommits)
    {
        var scan = new SecretHistoryScan(new SecretFileScanner(new SecretDetector(SecretRuleSet.BuiltIn)), new WorkspaceWalker(root).SelectsPath, TimeProvider.System,
            SystemProcessStarter.Instance);
        var history = await scan.RunAsync(root, HistoryScope.All, maxCommits, _ => { }, CancellationToken.None);
        var builder = new SecretFindingBuilder("bench", "secrets-bench", SecretsAllowList.FromSettings(Muster.Agents.AgentSettings.Empty), null);
        var findings = new List<Muster.Model.Finding>();
        builder.AddHistory(findings, history, new ScanTally());
        return (history, findings);
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
