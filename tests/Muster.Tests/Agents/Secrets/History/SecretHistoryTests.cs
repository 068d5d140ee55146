using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Agents.Secrets.History;
using Muster.Model;

namespace Muster.Tests.Agents.Secrets.History;

/// <summary>Issue 14 part 2: secrets committed to git history, found with the tree's detector and placed where they were added.</summary>
public sealed class SecretHistoryTests
{
    private static string Key(int seed) => Planted.Anthropic(seed);

    private static string Settings(string key) => $"ANTHROPIC_API_KEY = \"{key}\"\n";

    private static Task<AgentResult> Audit(HistoryRepo repo, string? history = null, int? maxCommits = null)
    {
        var parameters = new Dictionary<string, string>();
        if (history is not null) parameters[HistoryScope.RunParameter] = history;
        if (maxCommits is not null) parameters[HistoryScope.MaxCommitsRunParameter] = maxCommits.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return SecretsAgentRunner.RunAsync(repo.Root, runParameters: parameters);
    }

    [Fact]
    public async Task A_key_added_then_deleted_is_one_HIGH_finding_at_the_commit_that_added_it()
    {
        using var repo = new HistoryRepo();
        repo.Commit("readme", ("README.md", "# app\n"));
        var added = repo.Commit("settings", ("app/settings.py", "DEBUG = False\n\n" + Settings(Key(1))));
        repo.Commit("more settings", ("app/settings.py", "DEBUG = True\n\n" + Settings(Key(1)) + "TIMEOUT = 3\n"));
        repo.Remove("drop settings", "app/settings.py");
        repo.Commit("empty module", ("app/__init__.py", ""));

        var result = await Audit(repo);

        var finding = Assert.Single(result.Secrets());
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal("app/settings.py", finding.Location!.Path);
        Assert.Equal(3, finding.Location.Line);
        Assert.Equal(added, finding.Properties["commit"]);
        Assert.Equal("history", finding.Properties["git"]);
        Assert.Equal("false", finding.Properties["pushed"]);
        Assert.Contains(added[..12], finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Properties["author-date"], finding.Message, StringComparison.Ordinal);
        Assert.StartsWith("still in history: rotate it, then purge it with git filter-repo", finding.Remediation, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Key(1), finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("git history (all): 5 commits, 4 of 4 blobs scanned", result.Summary, StringComparison.Ordinal);
        Assert.Equal(5, result.Metrics["history_commits"]);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == HistoryNoteFindings.UnverifiedRuleId);
    }

    [Fact]
    public async Task A_key_still_in_the_tree_is_one_finding_that_names_the_commit_that_added_it()
    {
        using var repo = new HistoryRepo();
        var added = repo.Commit("settings", ("app/settings.py", Settings(Key(2))));
        repo.Commit("unrelated", ("README.md", "# app\n"));
        repo.Commit("edit", ("app/settings.py", "# settings\n" + Settings(Key(2))));

        var result = await Audit(repo);

        var finding = Assert.Single(result.Secrets());
        Assert.Equal("tracked", finding.Properties["git"]);
        Assert.Equal(2, finding.Location!.Line);
        Assert.Equal(added, finding.Properties["history-commit"]);
        Assert.Equal("app/settings.py:1:22", finding.Properties["history-location"]);
        Assert.Contains($"since commit {added[..12]}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_then_deleted_file_is_reported_at_its_first_path()
    {
        using var repo = new HistoryRepo();
        var added = repo.Commit("old", ("old/keys.py", Settings(Key(3))));
        Directory.CreateDirectory(Path.Combine(repo.Root, "renamed"));
        repo.Git("mv", "old/keys.py", "renamed/keys.py");
        repo.Commit("rename");
        repo.Remove("delete", "renamed/keys.py");

        var result = await Audit(repo);

        var finding = Assert.Single(result.Secrets());
        Assert.Equal("old/keys.py", finding.Location!.Path);
        Assert.Equal(added, finding.Properties["commit"]);
    }

    [Fact]
    public async Task A_renamed_file_still_in_the_tree_is_one_finding_at_its_new_path()
    {
        using var repo = new HistoryRepo();
        var added = repo.Commit("old", ("old/keys.py", Settings(Key(4))));
        Directory.CreateDirectory(Path.Combine(repo.Root, "renamed"));
        repo.Git("mv", "old/keys.py", "renamed/keys.py");
        repo.Commit("rename");

        var result = await Audit(repo);

        var finding = Assert.Single(result.Secrets());
        Assert.Equal("renamed/keys.py", finding.Location!.Path);
        Assert.Equal("old/keys.py:1:22", finding.Properties["history-location"]);
        Assert.Equal(added, finding.Properties["history-commit"]);
    }

    [Fact]
    public async Task Merges_keep_the_branch_commit_that_added_a_key_and_a_key_added_by_the_merge_itself_is_found()
    {
        using var repo = new HistoryRepo();
        repo.Commit("base", ("README.md", "# app\n"));
        repo.Git("checkout", "-q", "-b", "feature");
        var onBranch = repo.Commit("feature key", ("feature/client.py", Settings(Key(5))));
        repo.Git("checkout", "-q", "-");
        repo.Commit("main work", ("main.py", "print('main')\n"));
        repo.Git("merge", "-q", "--no-ff", "--no-commit", "feature");
        // An "evil merge": the merge commit itself adds a file no parent has.
        repo.Write("merge/only.py", Settings(Key(6)));
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "merge feature");
        var merge = repo.Head();
        repo.Remove("clean up", "feature/client.py", "merge/only.py");

        var result = await Audit(repo);

        var findings = result.Secrets().OrderBy(f => f.Location!.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(2, findings.Count);
        Assert.Equal(("feature/client.py", onBranch), (findings[0].Location!.Path, findings[0].Properties["commit"]));
        Assert.Equal(("merge/only.py", merge), (findings[1].Location!.Path, findings[1].Properties["commit"]));
    }

    [Fact]
    public async Task A_key_in_a_pushed_commit_is_CRITICAL_and_one_only_committed_locally_is_HIGH()
    {
        using var repo = new HistoryRepo();
        var pushed = repo.Commit("pushed key", ("a/pushed.py", Settings(Key(7))));
        repo.PushToOrigin();
        var local = repo.Commit("local key", ("b/local.py", Settings(Key(8))));
        repo.Remove("delete both", "a/pushed.py", "b/local.py");

        var result = await Audit(repo);

        var byCommit = result.Secrets().ToDictionary(f => f.Properties["commit"]);
        Assert.Equal(Severity.Critical, byCommit[pushed].Severity);
        Assert.Equal("true", byCommit[pushed].Properties["pushed"]);
        Assert.Contains("was pushed", byCommit[pushed].Message, StringComparison.Ordinal);
        Assert.Equal(Severity.High, byCommit[local].Severity);
        Assert.Equal("false", byCommit[local].Properties["pushed"]);
    }

    [Fact]
    public async Task History_none_reports_no_history_finding_and_says_so()
    {
        using var repo = new HistoryRepo();
        repo.Commit("key", ("app/keys.py", Settings(Key(9))));
        repo.Remove("delete", "app/keys.py");

        var fromCli = await Audit(repo, history: "none");
        var fromPlan = await SecretsAgentRunner.RunAsync(repo.Root, new Dictionary<string, object?> { ["history"] = "none" });
        var cliWins = await SecretsAgentRunner.RunAsync(repo.Root, new Dictionary<string, object?> { ["history"] = "none" },
            runParameters: new Dictionary<string, string> { [HistoryScope.RunParameter] = "all" });

        Assert.Empty(fromCli.Secrets());
        Assert.Empty(fromPlan.Secrets());
        Assert.Contains("git history not scanned (history: none)", fromCli.Summary, StringComparison.Ordinal);
        Assert.Single(cliWins.Secrets());
    }

    [Fact]
    public async Task Since_a_ref_reads_only_the_commits_after_it()
    {
        using var repo = new HistoryRepo();
        repo.Commit("old key", ("old.py", Settings(Key(10))));
        repo.Git("tag", "v1");
        var after = repo.Commit("new key", ("new.py", Settings(Key(11))));
        repo.Remove("delete", "old.py", "new.py");

        var result = await Audit(repo, history: "since=v1");
        var unknown = await Audit(repo, history: "since=no-such-tag");

        var finding = Assert.Single(result.Secrets());
        Assert.Equal(after, finding.Properties["commit"]);
        Assert.Contains("git history (since=v1): 2 commits", result.Summary, StringComparison.Ordinal);
        Assert.Empty(unknown.Secrets());
        var note = Assert.Single(unknown.Findings, f => f.RuleId == HistoryNoteFindings.UnverifiedRuleId);
        Assert.Contains("since=no-such-tag", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_bound_that_cuts_history_is_an_INFO_finding_and_in_the_summary()
    {
        using var repo = new HistoryRepo();
        repo.Commit("oldest key", ("old.py", Settings(Key(12))));
        repo.Remove("delete", "old.py");
        repo.Commit("one", ("a.txt", "1\n"));
        repo.Commit("two", ("a.txt", "2\n"));

        var cut = await Audit(repo, maxCommits: 2);
        var whole = await Audit(repo, maxCommits: 4);

        Assert.Empty(cut.Secrets());
        var note = Assert.Single(cut.Findings, f => f.RuleId == HistoryNoteFindings.TruncatedRuleId);
        Assert.Equal(Severity.Info, note.Severity);
        Assert.Contains("history not verified beyond commit 2", note.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not verified beyond commit 2", cut.Summary, StringComparison.Ordinal);
        Assert.Single(whole.Secrets());
        Assert.DoesNotContain(whole.Findings, f => f.RuleId == HistoryNoteFindings.TruncatedRuleId);
    }

    [Fact]
    public async Task A_baseline_marks_a_history_finding_of_a_baselined_secret()
    {
        using var repo = new HistoryRepo();
        repo.Commit("key", ("app/keys.py", Settings(Key(13))));
        repo.Remove("delete", "app/keys.py");
        var first = await Audit(repo);
        Assert.Single(first.Secrets());
        SecretsBaseline.Create(first.Findings).Save(Path.Combine(repo.Root, SecretsBaseline.DefaultRelativePath));
        repo.Commit("another key", ("app/other.py", Settings(Key(14))));

        var second = await Audit(repo);

        // Marked, not dropped: the after-run step lists it as suppressed.
        var left = Assert.Single(second.Secrets(), f => !SuppressionMarks.IsBaselined(f));
        Assert.Equal("app/other.py", left.Location!.Path);
        var marked = Assert.Single(second.Secrets(), SuppressionMarks.IsBaselined);
        Assert.Equal("app/keys.py", marked.Location!.Path);
        Assert.Equal(1, second.Metrics["baselined"]);
    }

    [Fact]
    public async Task A_shallow_clone_says_history_is_truncated()
    {
        using var repo = new HistoryRepo();
        repo.Commit("one", ("a.txt", "1\n"));
        repo.Commit("two", ("a.txt", "2\n"));
        var clone = Path.Combine(repo.Base, "shallow");
        Muster.Tests.Workspace.GitTestRepo.Run(repo.Base, "clone", "-q", "--depth", "1", "file://" + repo.Root, clone);

        var result = await SecretsAgentRunner.RunAsync(clone);

        var note = Assert.Single(result.Findings, f => f.RuleId == HistoryNoteFindings.ShallowRuleId);
        Assert.Contains("history truncated: shallow clone", note.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("truncated: shallow clone", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_a_repository_the_tree_is_scanned_and_the_summary_says_history_was_not_verified()
    {
        using var tree = new TempTree();
        tree.Write("app/keys.py", Settings(Key(15)));

        var result = await SecretsAgentRunner.RunAsync(tree.Path);

        Assert.Single(result.Secrets());
        Assert.Contains("git history not verified (not inside a git work tree)", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("secrets/history-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("history", "sometimes")]
    [InlineData("history", "since=-x")]
    [InlineData("history-max-commits", "0")]
    public void A_bad_history_setting_fails_when_the_plan_is_read(string key, string value)
    {
        var settings = new AgentSettings(new Dictionary<string, object?> { [key] = value });

        var error = Assert.Throws<AgentSettingsException>(() => SecretsAgent.Descriptor.ValidateSettings!(settings));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
