using Muster.Agents;
using Muster.Model;
using Xunit.Abstractions;

namespace Muster.Tests.Agents.InfraState;

/// <summary>The committed sample ecosystem over-claims like the seed; with no engine every running claim is UNVERIFIED.</summary>
public sealed class SampleEcosystemTests(ITestOutputHelper output)
{
    private static string SampleRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Muster.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "samples", "ecosystem");
    }

    [Fact]
    public async Task Sample_status_document_claims_are_unverified_or_drifted_without_an_engine()
    {
        var root = SampleRoot();
        var agent = new Muster.Agents.InfraState.InfraStateAgent();

        var result = await agent.RunAsync(new AgentContext
        {
            RunId = "sample",
            AgentId = "infra-state-1",
            Kind = "infra-state",
            Role = AgentRole.Verification,
            Root = root,
            Environment = new FixedAgentEnvironment(new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///nonexistent/muster/docker.sock" }),
        }, CancellationToken.None);

        output.WriteLine(result.Summary);
        output.WriteLine(result.Artifacts.Single(a => a.Name == "infrastructure.md").Content);
        foreach (var f in result.Findings) output.WriteLine($"{f.Severity.ToLabel()} {f.RuleId} {f.Location} {f.Message}");

        const string doc = "ZIGGIE-ECOSYSTEM-MASTER-STATUS.md";
        var claims = result.Findings.Where(f => f.Location?.Path == doc).ToDictionary(f => f.Location!.Line);
        Assert.Equal(("MUSTER-INFRA-UNVERIFIED", Severity.High), (claims[7].RuleId, claims[7].Severity));
        Assert.Equal("20/20 running", claims[7].Properties["claimed"]);
        Assert.Equal(("MUSTER-INFRA-CLAIM-DRIFT", Severity.High), (claims[8].RuleId, claims[8].Severity));
        Assert.Equal("claimed 18 configured; compose declares 16.", claims[8].Message);
        Assert.Equal(("MUSTER-INFRA-UNVERIFIED", Severity.Medium), (claims[9].RuleId, claims[9].Severity));
        Assert.Equal(("MUSTER-INFRA-UNVERIFIED", Severity.Medium), (claims[10].RuleId, claims[10].Severity));
        Assert.Equal(("MUSTER-INFRA-CLAIM-DRIFT", Severity.High), (claims[16].RuleId, claims[16].Severity));
        Assert.Equal("claimed 18 configured; compose declares 16; what runs is UNVERIFIED (engine unreachable).", claims[16].Message);
        Assert.All(new[] { 17, 18, 19 }, line => Assert.Equal(("MUSTER-INFRA-UNVERIFIED", Severity.Medium), (claims[line].RuleId, claims[line].Severity)));
        Assert.All(new[] { 7, 23, 24, 25, 26, 27, 32, 33 }, line => Assert.Equal(("MUSTER-INFRA-UNVERIFIED", Severity.High), (claims[line].RuleId, claims[line].Severity)));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "MUSTER-INFRA-CLAIM-VERIFIED" && f.Properties["scope"] != "containers");
        Assert.Single(result.Findings, f => f.RuleId == "MUSTER-INFRA-ENGINE-UNREACHABLE");
        var yaml11 = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-COMPOSE-YAML11-PORT");
        Assert.Equal("hostinger-vps/docker-compose.yml", yaml11.Location!.Path);

        var inactive = result.Findings.Where(f => f.RuleId == "MUSTER-INFRA-PROXY-TARGET-INACTIVE").Select(f => f.Properties["service"]).Order(StringComparer.Ordinal);
        Assert.Equal(["grafana", "ollama"], inactive);

        var md = result.Artifacts.Single(a => a.Name == "infrastructure.md").Content;
        Assert.Contains("| Docker services (ziggie) | 16 (12 with enabled profiles) | unverified (engine unreachable) | unverified |", md, StringComparison.Ordinal);
        Assert.Contains("| AWS Services | 10 (claimed) | unverified | unverified |", md, StringComparison.Ordinal);
    }
}
