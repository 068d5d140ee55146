using System.Text;
using Muster.Tests.Workspace;
using Muster.Workspace.Git;

namespace Muster.Tests.Security;

/// <summary>
/// Issue 20: an audited repository must not be able to run commands through its git configuration. Plain git on the
/// planted repository runs them (the control); no Muster command, nor any git command the runner allows, may.
/// </summary>
public sealed class GitConfigExecutionTests
{
    [Fact]
    public void Plain_git_on_the_planted_repository_runs_the_planted_programs()
    {
        // One fresh repository per command: a planted program that fails (the required filter) stops git before the next one.
        var present = new List<string>();
        foreach (var command in (string[][])[["ls-files"], ["diff", "--no-textconv", "HEAD~1", "HEAD"], ["log", "-p", "-1"], ["status"], ["commit", "--allow-empty", "-qm", "x"], ["fetch", "-q", "origin"], ["add", "notes.proc"]])
        {
            using var repo = HostileRepository.Plant();
            if (command[0] is "status" or "add") repo.ModifyWorkTree();
            try { GitTestRepo.Run(repo.Root, command); }
            catch (InvalidOperationException) { /* the planted programs make some commands fail; the markers are what count */ }
            present.AddRange(repo.MarkersPresent());
        }

        // Programs from the repository's config, from an include and an includeIf outside it, hooks, drivers named in
        // .gitattributes, and a transport: each channel is live in plain git, so their absence below means something.
        var shown = string.Join(", ", present.Distinct().Order());
        foreach (var expected in (string[])["include-core.fsmonitor", "diff.evil.command", "includeIf-diff.evil.textconv", "hook-pre-commit", "remote-ext", "includeIf-filter.evil.clean", "filter.evil.smudge", "filter.evilproc.process"])
            Assert.True(present.Contains(expected), $"{expected} did not run in plain git; ran: {shown}");
    }

    [Fact]
    public async Task No_muster_command_starts_a_planted_program()
    {
        using var repo = HostileRepository.Plant();
        repo.ModifyWorkTree(); // modified files make status-like commands consult the filters
        var state = Path.Combine(repo.Base, "state");
        // The planted repository has no type checker or JUnit results: those gates are off so exit 0 means the rest passed.
        string[] common = ["--state", state, "--fail-on", "none", "--gate", "type-check=off", "--gate", "tests=off"];

        await Expect(0, "audit", [repo.Root, "--output", Path.Combine(repo.Base, "out1"), .. common]);
        // The secrets agent read the history (git log --raw, cat-file --batch, rev-parse) without starting anything.
        Assert.Contains("git history (all): 2 commits", File.ReadAllText(Path.Combine(repo.Base, "out1", "report.json")), StringComparison.Ordinal);
        await Expect(0, "baseline", [repo.Root, "--baseline-file", Path.Combine(repo.Base, "baseline.json")]);
        await Expect(0, "audit", [repo.Root, "--output", Path.Combine(repo.Base, "out2"), .. common]);
        await Expect(0, "diff", ["--state", state]);
        await Expect(0, "runs", ["--state", state]);
        await Expect(0, "status", ["--state", state]);
        await CliRunner.RunAsync("preflight", repo.Root, "--state", state);

        Assert.Empty(repo.MarkersPresent());
    }

    [Fact]
    public async Task No_git_command_the_runner_allows_starts_a_planted_program()
    {
        using var repo = HostileRepository.Plant();
        repo.ModifyWorkTree();
        using var git = GitRunner.Open(repo.Root, GitAccess.History);
        var timeout = TimeSpan.FromSeconds(60);
        string[][] commands =
        [
            ["log", "-p", "--all", "--full-history", "--format=%H %an %s"], ["log", "--stat", "--follow", "--", "app.py"], ["show", "HEAD"],
            ["diff-tree", "-p", "-r", "HEAD~1", "HEAD"], ["rev-list", "--all", "--objects"], ["for-each-ref"], ["show-ref"], ["ls-tree", "-r", "HEAD"],
            ["rev-parse", "HEAD", "--show-toplevel"], ["count-objects", "-v"], ["ls-files", "-z", "--cached", "--others", "--modified", "--deleted"],
            ["log", "-p", "--word-diff", "--color-moved", "--", "app.py"],
            ["log", "--raw", "-z", "--no-abbrev", "--no-renames", "--topo-order", "--diff-merges=first-parent", "--format=%x01%H %aI", "--end-of-options", "HEAD"],
            ["rev-parse", "--is-shallow-repository"], ["rev-list", "HEAD", "--not", "--remotes"], ["for-each-ref", "--count=1", "refs/remotes/"],
        ];
        foreach (var command in commands)
        {
            var result = await git.RunAsync(command, timeout, CancellationToken.None);
            Assert.True(result.Succeeded, $"git {string.Join(' ', command)}: {result.Error}");
        }
        var batch = await git.RunAsync(["cat-file", "--batch"], timeout, CancellationToken.None, Encoding.UTF8.GetBytes("HEAD\nHEAD:app.py\n"));
        Assert.Contains("print('second')", batch.Output, StringComparison.Ordinal);
        var ignore = await git.RunAsync(["check-ignore", "--stdin", "-z", "--no-index"], timeout, CancellationToken.None, Encoding.UTF8.GetBytes("app.py\0"));
        Assert.Equal(1, ignore.ExitCode);

        Assert.Empty(repo.MarkersPresent());
    }

    private static async Task Expect(int code, string command, string[] args)
    {
        var (actual, stdout, stderr) = await CliRunner.RunAsync([command, .. args]);
        Assert.True(actual == code, $"muster {command} exited {actual}: {stderr}\n{stdout[..Math.Min(stdout.Length, 2000)]}");
    }
}
