using Muster.Model;
using Muster.Workspace.Processes;

namespace Muster.Tests.Agents.ConfigAudit;

/// <summary>The env rules learn what git tracks through the agent context's process starter: no git runs here.</summary>
public sealed class EnvGitProcessSeamTests
{
    [Fact]
    public async Task The_env_rules_read_git_status_through_the_context_s_process_starter()
    {
        using var harness = new ConfigAuditHarness().Write(".env", "DB_PASSWORD=@SECRET@\n").Write(".git/HEAD", "ref: refs/heads/main\n");
        Directory.CreateDirectory(Path.Combine(harness.Root, ".git", "objects"));
        var processes = new RecordingProcessStarter(spec =>
            spec.Arguments.Contains("--cached") && !spec.Arguments.Contains("--ignored")
                ? CannedProcess.Exits(0, ".env\0", supervised: false)
                : CannedProcess.Exits(0, "", supervised: false));

        var findings = (await harness.RunAsync(processes: processes)).Findings.Where(f => f.Location?.Path == ".env").ToList();

        Assert.Equal(3, processes.Specs.Count(s => s.Arguments.Contains("ls-files")));
        Assert.All(processes.Specs, s => Assert.Equal("git", Path.GetFileName(s.FileName)));
        var tracked = Assert.Single(findings, f => f.RuleId == "MUSTER-ENV-002");
        Assert.Equal(Severity.Critical, tracked.Severity);
    }
}
