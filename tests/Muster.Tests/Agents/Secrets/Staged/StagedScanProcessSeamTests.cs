using System.Text;
using Muster.Agents;
using Muster.Agents.Secrets;
using Muster.Agents.Secrets.Staged;
using Muster.Model;
using Muster.Workspace.Processes;

namespace Muster.Tests.Agents.Secrets.Staged;

/// <summary>
/// <c>--staged</c> against a recording process starter: the git commands the secrets agent asks for (sandboxed, as
/// the git runner builds them) and how it reads git's canned answers. Only a bare <c>.git</c> folder exists; no git runs.
/// </summary>
public sealed class StagedScanProcessSeamTests
{
    private const string Blob = "3b18e512dba79e4c8300dd08aeb37f8e728b8dad";
    private static readonly Dictionary<string, string> StagedOnly = new() { [StagedScope.RunParameter] = "true" };

    private static TempTree RepositoryWithoutGit()
    {
        var root = new TempTree();
        root.Write(".git/HEAD", "ref: refs/heads/main\n");
        Directory.CreateDirectory(Path.Combine(root.Path, ".git", "objects"));
        return root;
    }

    /// <summary>The git subcommand of a spec: the first argument past the runner's own options and <c>-c</c> overrides.</summary>
    private static string Subcommand(ProcessSpec spec)
    {
        for (var i = 0; i < spec.Arguments.Count; i++)
        {
            if (spec.Arguments[i] == "-c") i++;
            else if (!spec.Arguments[i].StartsWith('-')) return spec.Arguments[i];
        }
        return "";
    }

    [Fact]
    public async Task The_staged_scan_asks_sandboxed_git_for_the_index_and_blob_and_finds_the_secret_in_the_canned_blob()
    {
        using var root = RepositoryWithoutGit();
        var content = $"DEBUG = False\nANTHROPIC_API_KEY = \"{Planted.Anthropic(7)}\"\n";
        var processes = new RecordingProcessStarter(spec => Subcommand(spec) switch
        {
            "ls-files" => CannedProcess.Exits(0, $"100644 {Blob} 0\tapp/settings.py\0", supervised: false),
            "rev-parse" => CannedProcess.Exits(1, supervised: false), // no HEAD yet: every staged file is new
            "cat-file" => CannedProcess.Exits(0, $"{Blob} blob {Encoding.UTF8.GetByteCount(content)}\n{content}\n", supervised: false),
            var other => throw new InvalidOperationException($"unexpected git {other}"),
        });

        var result = await SecretsAgentRunner.RunAsync(root.Path, runParameters: StagedOnly, processes: processes);

        Assert.Equal(new[] { "ls-files", "rev-parse", "cat-file" }, processes.Specs.Select(Subcommand));
        Assert.All(processes.Specs, spec =>
        {
            Assert.True(Path.IsPathFullyQualified(spec.FileName) && Path.GetFileName(spec.FileName) == "git", spec.FileName);
            Assert.False(spec.FileName.StartsWith(root.Path, StringComparison.Ordinal));
            Assert.Equal(root.Path, spec.WorkingDirectory);
            Assert.Equal("/dev/null", spec.Environment["GIT_CONFIG_GLOBAL"]);
            Assert.False(spec.Environment["GIT_DIR"].StartsWith(root.Path, StringComparison.Ordinal));
            Assert.Contains("core.hooksPath=/dev/null", spec.Arguments);
            Assert.False(spec.TiedToMuster);
        });
        Assert.Equal(new[] { false, false, true }, processes.Specs.Select(s => s.WritesInput));
        Assert.Equal(Blob + "\n", processes.Processes[2].InputText);
        Assert.All(processes.Processes, p => Assert.True(p.Disposed));

        var finding = Assert.Single(result.Secrets());
        Assert.Equal("secrets/anthropic-api-key", finding.RuleId);
        Assert.Equal("app/settings.py", finding.Location!.Path);
        Assert.Equal(2, finding.Location.Line);
        Assert.Equal("tracked", finding.Properties["git"]);
        Assert.Contains("staged changes only: 1 file(s)", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_canned_git_failure_fails_the_agent_with_gits_first_error_line()
    {
        using var root = RepositoryWithoutGit();
        var processes = new RecordingProcessStarter(_ => CannedProcess.Exits(128, "", "fatal: index file corrupt\nmore\n", supervised: false));

        var e = await Assert.ThrowsAsync<AgentSettingsException>(() =>
            SecretsAgentRunner.RunAsync(root.Path, runParameters: StagedOnly, processes: processes));

        Assert.Equal("ls-files", Subcommand(Assert.Single(processes.Specs)));
        Assert.Contains("--staged reads git's index, which failed: the staged changes could not be listed: git ls-files failed (exit 128): fatal: index file corrupt",
            e.Message, StringComparison.Ordinal);
    }
}
