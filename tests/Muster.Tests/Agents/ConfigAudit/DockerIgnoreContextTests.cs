namespace Muster.Tests.Agents.ConfigAudit;

/// <summary>
/// DOCKER-010 on a real layout (docker/production/Dockerfile built with the repository root as context, the
/// .dockerignore at the root): a .dockerignore above the Dockerfile may be the context's, so the rule stays quiet.
/// </summary>
public sealed class DockerIgnoreContextTests
{
    private const string CopiesEverything = "FROM node:22.11-alpine\nWORKDIR /app\nCOPY . .\nUSER node\n";

    [Fact]
    public async Task A_dockerignore_in_a_folder_above_the_dockerfile_counts()
    {
        using var harness = new ConfigAuditHarness().WriteAll(new Dictionary<string, string>
        {
            ["docker/production/Dockerfile"] = CopiesEverything,
            [".dockerignore"] = ".git\n.env*\nnode_modules\n",
        });
        var result = await harness.RunAsync();
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "MUSTER-DOCKER-010");
    }

    [Fact]
    public async Task A_dockerignore_only_in_a_sibling_folder_does_not()
    {
        using var harness = new ConfigAuditHarness().WriteAll(new Dictionary<string, string>
        {
            ["docker/production/Dockerfile"] = CopiesEverything,
            ["web/.dockerignore"] = ".git\n",
        });
        var result = await harness.RunAsync();
        Assert.Contains(result.Findings, f => f.RuleId == "MUSTER-DOCKER-010" && f.Location!.Path == "docker/production/Dockerfile");
    }
}
