using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Agents.Secrets.Staged;
using Muster.Model;
using Muster.Tests.Agents.Secrets.History;

namespace Muster.Tests.Agents.Secrets.Staged;

/// <summary>Issue 15: <c>muster audit --staged</c> scans the blobs git's index holds, never the work-tree files.</summary>
public sealed class StagedScanTests
{
    private static string Settings(string key) => $"ANTHROPIC_API_KEY = \"{key}\"\n";

    private static Task<AgentResult> Staged(HistoryRepo repo, string? root = null) =>
        SecretsAgentRunner.RunAsync(root ?? repo.Root, runParameters: new Dictionary<string, string> { [StagedScope.RunParameter] = "true" });

    [Fact]
    public async Task A_staged_secret_removed_from_the_work_tree_is_still_found_at_its_staged_line()
    {
        using var repo = new HistoryRepo();
        repo.Commit("readme", ("README.md", "# app\n"));
        repo.Write("app/settings.py", "DEBUG = False\nTIMEOUT = 3\n\n" + Settings(Planted.Anthropic(1)));
        repo.Git("add", "app/settings.py");
        File.Delete(Path.Combine(repo.Root, "app/settings.py"));

        var result = await Staged(repo);

        var finding = Assert.Single(result.Secrets());
        Assert.Equal("secrets/anthropic-api-key", finding.RuleId);
        Assert.Equal("app/settings.py", finding.Location!.Path);
        Assert.Equal(4, finding.Location.Line);
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal("tracked", finding.Properties["git"]);
        Assert.DoesNotContain(Planted.Anthropic(1), finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("staged changes only: 1 file(s)", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_added_to_the_work_tree_after_staging_is_not_found()
    {
        using var repo = new HistoryRepo();
        repo.Commit("readme", ("README.md", "# app\n"));
        repo.Write("app/settings.py", "DEBUG = False\n");
        repo.Git("add", "app/settings.py");
        repo.Write("app/settings.py", "DEBUG = False\n" + Settings(Planted.Anthropic(2)));
        repo.Write("notes.txt", Settings(Planted.Anthropic(3)));

        var result = await Staged(repo);

        Assert.Empty(result.Secrets());
        Assert.Equal(1, result.Metrics["files"]);
        Assert.Equal(1, result.Metrics[GateMetricNames.FilesScanned]);
    }

    [Fact]
    public async Task Line_numbers_are_the_staged_blobs_when_the_work_tree_file_differs()
    {
        using var repo = new HistoryRepo();
        repo.Commit("readme", ("README.md", "# app\n"));
        repo.Write("app/settings.py", "A = 1\nB = 2\nC = 3\nD = 4\n" + Settings(Planted.Anthropic(4)));
        repo.Git("add", "app/settings.py");
        repo.Write("app/settings.py", Settings(Planted.Anthropic(4)));

        var finding = Assert.Single((await Staged(repo)).Secrets());

        Assert.Equal(5, finding.Location!.Line);
    }

    [Fact]
    public async Task Only_changes_are_scanned_a_committed_unchanged_secret_is_not_the_commits_business()
    {
        using var repo = new HistoryRepo();
        repo.Commit("settings", ("old.py", Settings(Planted.Anthropic(5))), ("app.py", "print(1)\n"));
        repo.Write("app.py", "print(2)\n");
        repo.Git("add", "app.py");

        var result = await Staged(repo);

        Assert.Empty(result.Secrets());
        Assert.Equal(1, result.Metrics["files"]);
        Assert.Equal(0, result.Metrics["history_commits"]);
    }

    [Fact]
    public async Task Before_the_first_commit_every_index_entry_is_staged()
    {
        using var repo = new HistoryRepo();
        repo.Write("a.py", Settings(Planted.Anthropic(6)));
        repo.Write("b.py", "print(1)\n");
        repo.Git("add", "-A");

        var result = await Staged(repo);

        Assert.Equal("a.py", Assert.Single(result.Secrets()).Location!.Path);
        Assert.Equal(2, result.Metrics["files"]);
    }

    [Fact]
    public async Task A_subfolder_root_scans_the_staged_files_under_it_with_paths_relative_to_it()
    {
        using var repo = new HistoryRepo();
        repo.Commit("readme", ("README.md", "# app\n"));
        repo.Write("svc/conf/app.py", Settings(Planted.Anthropic(7)));
        repo.Write("other/app.py", Settings(Planted.Anthropic(8)));
        repo.Git("add", "-A");

        var result = await Staged(repo, Path.Combine(repo.Root, "svc"));

        Assert.Equal("conf/app.py", Assert.Single(result.Secrets()).Location!.Path);
    }

    [Fact]
    public async Task A_staged_env_file_is_a_sensitive_file_finding_and_a_mode_only_change_is_not_scanned()
    {
        using var repo = new HistoryRepo();
        repo.Commit("tool", ("run.sh", "echo " + Settings(Planted.Anthropic(9))));
        repo.Git("update-index", "--chmod=+x", "run.sh");
        repo.Write(".env", "ANTHROPIC_API_KEY=" + Planted.Anthropic(10) + "\n");
        repo.Git("add", ".env");

        var result = await Staged(repo);

        Assert.Contains(result.Findings, f => f.RuleId == SecretsAgent.SensitiveFileRuleId && f.Location!.Path == ".env");
        Assert.Equal(".env", Assert.Single(result.Secrets()).Location!.Path);
        Assert.Equal(1, result.Metrics["files"]);
    }

    [Fact]
    public async Task Outside_a_git_work_tree_the_agent_fails_saying_why()
    {
        using var tree = new TempTree();
        tree.Write("a.py", "print(1)\n");

        var error = await Assert.ThrowsAsync<AgentSettingsException>(() =>
            SecretsAgentRunner.RunAsync(tree.Path, runParameters: new Dictionary<string, string> { [StagedScope.RunParameter] = "true" }));

        Assert.Contains("--staged reads git's index", error.Message, StringComparison.Ordinal);
    }
}
