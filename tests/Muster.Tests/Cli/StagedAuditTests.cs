using Muster.Cli;
using Muster.Tests.Agents.Secrets;
using Muster.Tests.Agents.Secrets.History;

namespace Muster.Tests.Cli;

/// <summary>Issue 15: <c>muster audit --staged</c>, a pre-commit hook's command: exit code from the staged changes alone.</summary>
public sealed class StagedAuditTests
{
    private static Task<(int Code, string Out, string Err)> Audit(HistoryRepo repo, params string[] extra) =>
        CliRunner.RunAsync(["audit", repo.Root, "--staged", "--state", Path.Combine(repo.Base, "state"), "--format", "json", .. extra]);

    [Fact]
    public async Task A_staged_secret_fails_the_commit_and_names_the_file_and_line()
    {
        using var repo = new HistoryRepo();
        repo.Commit("readme", ("README.md", "# app\n"));
        repo.Write("conf/app.py", "X = 1\nKEY = \"" + Planted.Anthropic(21) + "\"\n");
        repo.Git("add", "-A");

        var (code, _, err) = await Audit(repo);

        Assert.True(code == ExitCodes.GateFailed, err);
        Assert.Contains("secrets/anthropic-api-key", err, StringComparison.Ordinal);
        Assert.Contains("conf/app.py:2", err, StringComparison.Ordinal);
        Assert.Contains("plan 'staged'", err, StringComparison.Ordinal);
        Assert.DoesNotContain(Planted.Anthropic(21), err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_staged_change_passes_though_the_work_tree_and_history_hold_secrets()
    {
        using var repo = new HistoryRepo();
        repo.Commit("old key", ("old.py", "KEY = \"" + Planted.Anthropic(22) + "\"\n"));
        repo.Write("app.py", "print(1)\n");
        repo.Git("add", "app.py");
        repo.Write("scratch.py", "KEY = \"" + Planted.Anthropic(23) + "\"\n");

        var (code, _, err) = await Audit(repo);

        Assert.True(code == ExitCodes.Passed, err);
        Assert.Contains("Type check     off", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Muster_yaml_excludes_apply_to_the_staged_scan_but_cannot_turn_whole_tree_gates_back_on()
    {
        using var repo = new HistoryRepo();
        repo.Commit("config", ("muster.yaml", "gates: {documentation: fail, tests: fail}\nexclude: [\"fixtures/**\"]\n"), ("README.md", "# app\n"));
        repo.Write("fixtures/key.py", "KEY = \"" + Planted.Anthropic(24) + "\"\n");
        repo.Write("app.py", "print(1)\n");
        repo.Git("add", "-A");

        var (code, _, err) = await Audit(repo);

        Assert.True(code == ExitCodes.Passed, err);
        Assert.DoesNotContain("secrets/anthropic-api-key", err, StringComparison.Ordinal);
        Assert.Contains("Documentation  off", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staged_outside_a_repository_or_with_a_plan_is_a_usage_error()
    {
        using var tree = new TempTree();
        var (code, _, err) = await CliRunner.RunAsync("audit", tree.Path, "--staged", "--state", Path.Combine(tree.Path, "state"));
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--staged reads git's index", err, StringComparison.Ordinal);

        using var repo = new HistoryRepo();
        var withPlan = await Audit(repo, "--plan", "plan.yaml");
        Assert.Equal(ExitCodes.UsageError, withPlan.Code);
        Assert.Contains("drop --plan", withPlan.Err, StringComparison.Ordinal);
    }
}
