using Muster.Agents.InfraState;
using Muster.Agents.InfraState.Probes;
using Muster.Formats.Compose;
using Muster.Formats.Markdown;
using Muster.Formats.Services;
using Muster.Model;
using Muster.Tests.Formats.Compose;

namespace Muster.Tests.Agents.InfraState;

public class StatusClaimVerifierTests
{
    private static readonly string[] Names = ["nginx", "postgres", "redis", "n8n", "grafana", "ollama", "meowping-backend"];

    private static (ComposeProject Project, EngineSnapshot Engine) SeedStack()
    {
        using var folder = new ComposeTempFolder();
        var file = folder.Write("vps/docker-compose.yml", "services:\n" + string.Concat(Names.Select(n => $"  {n}: {{ image: {n} }}\n")));
        var project = ComposeLoader.Load([file], new ComposeLoadOptions { Environment = new Dictionary<string, string>(), DisplayRoot = folder.Path });
        var containers = Names.Select(n => new ContainerObservation
        {
            Id = n,
            Name = $"vps-{n}-1",
            State = n == "meowping-backend" ? "exited" : "running",
            ExitCode = n == "meowping-backend" ? 1 : null,
            ComposeProject = "vps",
            ComposeService = n,
        }).ToList();
        return (project, new EngineSnapshot { Reachable = true, Endpoint = "unix:///t.sock", ApiVersion = "1.41", Containers = containers });
    }

    private static List<Finding> Verify(string markdown)
    {
        var (project, engine) = SeedStack();
        var services = ServiceReality.Map([project], [], engine.Containers);
        return new StatusClaimVerifier([project], services, engine, new ServiceManifest(), []).Verify(StatusDocumentParser.Parse(markdown, "STATUS.md")).ToList();
    }

    [Fact]
    public void Seed_claim_of_20_of_20_against_6_of_7_running()
    {
        var finding = Assert.Single(Verify("**Infrastructure**: 20/20 containers running\n"));

        Assert.Equal(("MUSTER-INFRA-CLAIM-DRIFT", Severity.High), (finding.RuleId, finding.Severity));
        Assert.Equal("claimed 20/20 running; verified 6 of 7 found; 13 absent.", finding.Message);
        Assert.Equal(("20/20 running", "6 of 7 found running; 13 absent"), (finding.Properties["claimed"], finding.Properties["verified"]));
        Assert.Equal(("20", "20"), (finding.Properties["claimed_running"], finding.Properties["claimed_total"]));
        Assert.Equal(new SourceLocation("STATUS.md", 1), finding.Location);
    }

    [Fact]
    public void Matching_claims_are_verified_and_under_claims_are_medium()
    {
        var findings = Verify("6/7 containers running\n| Component | Configured | Deployed |\n|---|---|---|\n| Docker Services | 7 | 7 |\nOnly 4 containers running\n");

        Assert.Equal([("MUSTER-INFRA-CLAIM-VERIFIED", Severity.Info), ("MUSTER-INFRA-CLAIM-VERIFIED", Severity.Info), ("MUSTER-INFRA-CLAIM-DRIFT", Severity.Medium)],
            findings.Select(f => (f.RuleId, f.Severity)));
    }

    [Fact]
    public void Named_service_claims_check_that_service()
    {
        var findings = Verify("- ✅ postgres running\n- ✅ meowping-backend running\n");

        Assert.Equal("MUSTER-INFRA-CLAIM-VERIFIED", findings[0].RuleId);
        Assert.Equal(("MUSTER-INFRA-CLAIM-DRIFT", Severity.High), (findings[1].RuleId, findings[1].Severity));
        Assert.Contains("exited (exit 1)", findings[1].Message, StringComparison.Ordinal);
    }
}
