using Muster.Model;

namespace Muster.Tests.Agents.ConfigAudit;

/// <summary>
/// Judged on an agent-framework monorepo: compose files under tests/ that publish a test database on all interfaces
/// are real findings, but HIGH put them beside production exposures. Under a test path a config finding is at most
/// MEDIUM and says why; the same file elsewhere keeps its rule's severity.
/// </summary>
public sealed class TestPathSeverityTests
{
    private const string Compose = "services:\n  redis-test:\n    image: redis:7.4\n    restart: unless-stopped\n    ports:\n      - \"6379:6379\"\n    healthcheck:\n      test: [\"CMD\", \"redis-cli\", \"ping\"]\n";

    [Theory]
    [InlineData("libs/store/tests/compose-redis.yml", Severity.Medium)]
    [InlineData("deploy/compose-redis.yml", Severity.High)]
    public async Task A_test_compose_file_is_rated_at_most_medium(string path, Severity expected)
    {
        using var harness = new ConfigAuditHarness().Write(path, Compose);

        var result = await harness.RunAsync();

        var published = result.Findings.Where(f => f.RuleId is "MUSTER-COMPOSE-006" or "MUSTER-COMPOSE-022").ToList();
        Assert.NotEmpty(published);
        Assert.All(published, f => Assert.Equal(expected, f.Severity));
        Assert.All(published, f => Assert.Equal(expected == Severity.Medium, f.Message.Contains("Test material (a test path): rated MEDIUM instead of HIGH", StringComparison.Ordinal)));
    }
}
