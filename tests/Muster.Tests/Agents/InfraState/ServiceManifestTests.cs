using System.Net;
using System.Net.Sockets;
using Muster.Formats.Services;
using Muster.Model;

namespace Muster.Tests.Agents.InfraState;

public class ServiceManifestTests
{
    [Fact]
    public void Parses_services_probes_compose_groups_and_profiles()
    {
        var manifest = ServiceManifest.Parse("""
            compose:
              - vps/docker-compose.yml
              - [base.yml, prod.yml]
            profiles: [monitoring]
            services:
              api:
                aliases: ["API Gateway"]
                http: { url: "http://127.0.0.1:8080/health", expect: 204 }
                timeout: 1500ms
              db:
                tcp: 127.0.0.1:5432
              worker:
                process: celery
            """, "muster.services.yaml");

        Assert.Empty(manifest.Errors);
        Assert.Equal([["vps/docker-compose.yml"], ["base.yml", "prod.yml"]], manifest.ComposeGroups);
        Assert.Equal(["monitoring"], manifest.Profiles);
        var api = manifest.Services[0];
        Assert.Equal(("api", 6, 204, TimeSpan.FromMilliseconds(1500)), (api.Name, api.Line, api.HttpExpect, api.Timeout!.Value));
        Assert.True(api.Matches("API Gateway (prod)"));
        Assert.Equal(("127.0.0.1", 5432), (manifest.Services[1].TcpHost, manifest.Services[1].TcpPort));
        Assert.Equal("celery", manifest.Services[2].Process);
    }

    [Theory]
    [InlineData("services:\n  a:\n    tcp: nohost\n", 3)]
    [InlineData("services:\n  a:\n    http: ftp://x\n", 3)]
    [InlineData("services:\n  a:\n    aliases: [x]\n", 2)]
    [InlineData("services:\n  a:\n    http: { url: \"http://x\", expect: 42 }\n", 3)]
    [InlineData("services: [a, b]\n", 1)]
    public void Invalid_entries_are_positioned_errors(string yaml, int line)
    {
        var manifest = ServiceManifest.Parse(yaml, "muster.services.yaml");

        var error = Assert.Single(manifest.Errors);
        Assert.Equal(line, error.Position.Line);
        Assert.NotEmpty(error.Fix);
    }

    [Fact]
    public async Task Declared_probes_verify_claims_that_name_them()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using var ws = new InfraTestWorkspace();
            ws.Write("muster.services.yaml", $"""
                services:
                  mcp-files:
                    aliases: [MCP]
                    tcp: 127.0.0.1:{port}
                  mcp-memory:
                    aliases: [MCP]
                    tcp: 127.0.0.1:{closedPort}
                """);
            ws.Write("STATUS.md", "MCP servers: 2 configured, 2 active\n");

            var result = await ws.AuditAsync(new() { ["engine"] = "false" });

            var claim = Assert.Single(result.Findings, f => f.Location?.Path == "STATUS.md" && f.RuleId != "MUSTER-INFRA-ENGINE-UNREACHABLE");
            Assert.Equal(("MUSTER-INFRA-CLAIM-DRIFT", Severity.High), (claim.RuleId, claim.Severity));
            Assert.Equal("claimed 2 running; 1 of 2 pass their probes.", claim.Message);
            var failed = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-INFRA-PROBE-FAILED");
            Assert.Equal("muster.services.yaml:5", failed.Location!.ToString());
            Assert.Equal(2, result.Metrics["probes"]);
            Assert.Equal(1, result.Metrics["probes_failed"]);
            Assert.Contains("| Declared probes (muster.services.yaml) | 2 | 1 passing | 50% |",
                result.Artifacts.Single(a => a.Name == "infrastructure.md").Content, StringComparison.Ordinal);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Manifest_entry_naming_a_compose_service_is_unverified_high_without_an_engine()
    {
        using var ws = new InfraTestWorkspace();
        ws.Write("docker-compose.yml", "services:\n  api: { image: api:1 }\n");
        ws.Write("muster.services.yaml", "services:\n  gateway:\n    aliases: [API Gateway]\n    compose-service: api\n");
        ws.Write("STATUS.md", "API Gateway: Running\n");

        var result = await ws.AuditAsync(new() { ["engine"] = "false" });

        var claim = Assert.Single(result.Findings, f => f.Location?.Path == "STATUS.md");
        Assert.Equal(("MUSTER-INFRA-UNVERIFIED", Severity.High, "probes"), (claim.RuleId, claim.Severity, claim.Properties["scope"]));
        Assert.Contains("| Declared probes (muster.services.yaml) | 1 | unverified (engine unreachable) | unverified |",
            result.Artifacts.Single(a => a.Name == "infrastructure.md").Content, StringComparison.Ordinal);
    }
}
