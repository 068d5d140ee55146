using Muster.Agents.InfraState;
using Muster.Model;

namespace Muster.Tests.Agents.InfraState;

public class DocumentationCoverageTests
{
    [Fact]
    public async Task Compose_services_no_status_document_names_are_reported_and_counted()
    {
        using var ws = new InfraTestWorkspace();
        ws.Write("docker-compose.yml", """
            services:
              api:
                image: example/api:1.2
              api-worker:
                image: example/worker:1.2
              redis-cache:
                image: redis:7
            """);
        ws.Write("README.md", "# Stack\n\nThe API serves /v1; the Redis-Cache keeps sessions.\n");

        var result = await ws.AuditAsync(new() { ["engine"] = "false" });

        var undocumented = Assert.Single(result.Findings, f => f.RuleId == InfraRules.UndocumentedService);
        Assert.Equal(("docker-compose.yml", 4, Severity.Low), (undocumented.Location!.Path, undocumented.Location.Line, undocumented.Severity));
        Assert.Contains("'api-worker'", undocumented.Title, StringComparison.Ordinal);
        Assert.Equal(1, result.Metrics["undocumented_services"]);
    }

    [Fact]
    public async Task Without_any_document_every_service_is_undocumented()
    {
        using var ws = new InfraTestWorkspace();
        ws.Write("docker-compose.yml", "services:\n  web:\n    image: nginx:1.27\n");

        var result = await ws.AuditAsync(new() { ["engine"] = "false" });

        var finding = Assert.Single(result.Findings, f => f.RuleId == InfraRules.UndocumentedService);
        Assert.Contains("no status document or README", finding.Message, StringComparison.Ordinal);
    }
}
