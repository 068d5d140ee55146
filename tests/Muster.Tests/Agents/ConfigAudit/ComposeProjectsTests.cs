namespace Muster.Tests.Agents.ConfigAudit;

/// <summary>Which compose files are one project, and what compose itself would refuse.</summary>
public sealed class ComposeProjectsTests
{
    private const string Healthy = "services:\n  app:\n    image: ghcr.io/acme/app:1.2.3\n    restart: unless-stopped\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n";
    private const string NoHealthcheck = "services:\n  app:\n    image: ghcr.io/acme/app:1.2.3\n    restart: unless-stopped\n";

    [Fact]
    public async Task A_sibling_alternative_file_is_its_own_project_not_an_override()
    {
        using var harness = new ConfigAuditHarness()
            .Write("docker-compose.yml", Healthy)
            .Write("docker-compose-rpi.yml", NoHealthcheck);

        var result = await harness.RunAsync();

        var missing = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-COMPOSE-008");
        Assert.Equal("docker-compose-rpi.yml", missing.Location!.Path);
    }

    [Fact]
    public async Task The_override_file_is_merged_with_its_base()
    {
        using var harness = new ConfigAuditHarness()
            .Write("compose.yaml", NoHealthcheck)
            .Write("compose.override.yaml", "services:\n  app:\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n");

        var result = await harness.RunAsync();

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "MUSTER-COMPOSE-008");
    }

    [Fact]
    public async Task Services_given_as_a_list_is_a_parse_finding()
    {
        using var harness = new ConfigAuditHarness().Write("docker-compose.yml", "services:\n  - name: app\n    image: nginx:1.27\n");

        var result = await harness.RunAsync();

        var hit = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-COMPOSE-000");
        Assert.Contains("services is a list", hit.Message, StringComparison.Ordinal);
        Assert.Equal(2, hit.Location!.Line);
    }

    [Fact]
    public async Task A_literal_secret_as_an_interpolation_default_is_a_literal_secret()
    {
        using var harness = new ConfigAuditHarness().Write("docker-compose.yml",
            "services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASS:-@SECRET@}\n      POSTGRES_USER: ${DB_USER:-app}\n      REDIS_PASSWORD: ${REDIS_PASSWORD:-}\n      ADMIN_PASSWORD_FILE: /run/secrets/admin\n      API_TOKEN: ${API_TOKEN:-changeme}\n");

        var result = await harness.RunAsync();

        var hit = Assert.Single(result.Findings, f => f.RuleId == "MUSTER-COMPOSE-010");
        Assert.Equal(5, hit.Location!.Line);
        Assert.Contains("literal default", hit.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ConfigAuditHarness.Secret, hit.Message + hit.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_with_protected_mode_off_is_flagged_even_when_not_published()
    {
        using var harness = new ConfigAuditHarness().Write("docker-compose.yml",
            "services:\n  cache:\n    image: bitnami/redis:7.4\n    command: [\"redis-server\", \"--protected-mode\", \"no\"]\n");

        var hit = Assert.Single((await harness.RunAsync()).Findings, f => f.RuleId == "MUSTER-COMPOSE-022");

        Assert.Contains("protected mode off", hit.Message, StringComparison.Ordinal);
    }
}
