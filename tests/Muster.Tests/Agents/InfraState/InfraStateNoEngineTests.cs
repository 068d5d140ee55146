using Muster.Model;

namespace Muster.Tests.Agents.InfraState;

public class InfraStateNoEngineTests
{
    private const string Compose = "services:\n  web: { image: nginx:1.27 }\n  db: { image: postgres:16 }\n  debug: { image: busybox, profiles: [debug] }\n";

    private const string Status = """
        # Master status
        **Infrastructure**: 20/20 containers running
        | **Services Configured** | 3-service Docker stack |
        - ✅ web running
        MCP Servers: 10 configured, 5 active
        """;

    [Fact]
    public async Task Nonexistent_DOCKER_HOST_makes_every_engine_claim_unverified_high()
    {
        using var ws = new InfraTestWorkspace();
        ws.Write("vps/docker-compose.yml", Compose);
        ws.Write("MASTER-STATUS.md", Status);
        var missingSocket = Path.Combine(ws.Root, "no-such-docker.sock");

        var result = await ws.AuditAsync([], new Dictionary<string, string> { ["DOCKER_HOST"] = "unix://" + missingSocket });

        var byLine = result.Findings.Where(f => f.Location?.Path == "MASTER-STATUS.md").ToDictionary(f => f.Location!.Line);
        Assert.Equal(("MUSTER-INFRA-UNVERIFIED", Severity.High), (byLine[2].RuleId, byLine[2].Severity));
        Assert.Equal("unverified", byLine[2].Properties["verdict"]);
        Assert.Equal("20/20 running", byLine[2].Properties["claimed"]);
        Assert.Equal(("MUSTER-INFRA-UNVERIFIED", Severity.High), (byLine[4].RuleId, byLine[4].Severity));
        Assert.Equal(("MUSTER-INFRA-CLAIM-VERIFIED", Severity.Info), (byLine[3].RuleId, byLine[3].Severity));
        Assert.Equal(("MUSTER-INFRA-UNVERIFIED", Severity.Medium), (byLine[5].RuleId, byLine[5].Severity));
        var engine = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-INFRA-ENGINE-UNREACHABLE");
        Assert.Equal(Severity.High, engine.Severity);
        Assert.Contains(missingSocket, engine.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "MUSTER-INFRA-MISSING" or "MUSTER-INFRA-CLAIM-DRIFT");
        Assert.Equal(0, result.Metrics["engine_reachable"]);

        var md = result.Artifacts.Single(a => a.Name == "infrastructure.md").Content;
        Assert.Contains("| Component | Configured | Deployed | Gap |", md, StringComparison.Ordinal);
        Assert.Contains("| Docker services (vps) | 3 (2 with enabled profiles) | unverified (engine unreachable) | unverified |", md, StringComparison.Ordinal);
        Assert.Contains("| MCP Servers | 10 (claimed) | unverified | unverified |", md, StringComparison.Ordinal);
        var json = result.Artifacts.Single(a => a.Name == "infrastructure.json").Content;
        Assert.Contains("\"reachable\": false", json, StringComparison.Ordinal);
        Assert.Contains("\"deployed\": null", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engine_disabled_is_unverified_too_never_fine()
    {
        using var ws = new InfraTestWorkspace();
        ws.Write("docker-compose.yml", Compose);
        ws.Write("STATUS.md", "All 2 containers running\n");

        var result = await ws.AuditAsync(new() { ["engine"] = "false" });

        var claim = Assert.Single(result.Findings, f => f.Location?.Path == "STATUS.md");
        Assert.Equal(("MUSTER-INFRA-UNVERIFIED", Severity.High), (claim.RuleId, claim.Severity));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "MUSTER-INFRA-CLAIM-VERIFIED");
    }

    [Fact]
    public async Task Configured_count_drift_is_found_from_the_files_alone()
    {
        using var ws = new InfraTestWorkspace();
        ws.Write("docker-compose.yml", Compose);
        ws.Write("STATUS.md", "We run an 18-service Docker stack.\n");

        var result = await ws.AuditAsync(new() { ["engine"] = "false" });

        var claim = Assert.Single(result.Findings, f => f.Location?.Path == "STATUS.md");
        Assert.Equal(("MUSTER-INFRA-CLAIM-DRIFT", Severity.High), (claim.RuleId, claim.Severity));
        Assert.Equal("claimed 18 configured; compose declares 3.", claim.Message);
    }

    [Fact]
    public async Task Compose_problems_become_findings_at_their_position()
    {
        using var ws = new InfraTestWorkspace();
        ws.Write("docker-compose.yml", "services:\n  ssh:\n    image: sshd:1\n    ports:\n      - 22:22\n  bad:\n    image: x\n    ports: [\"99999:1\"]\n");

        var result = await ws.AuditAsync(new() { ["engine"] = "false" });

        var yaml11 = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-COMPOSE-YAML11-PORT");
        Assert.Equal((Severity.Low, "docker-compose.yml:5:9"), (yaml11.Severity, yaml11.Location!.ToString()));
        var invalid = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-COMPOSE-INVALID");
        Assert.Equal("docker-compose.yml:8:13", invalid.Location!.ToString());
    }
}
