using Muster.Model;

namespace Muster.Tests.Agents.ConfigAudit;

public sealed class EnvAuditTests
{
    [Fact]
    public async Task In_a_git_repository_ignore_status_comes_from_git()
    {
        using var harness = new ConfigAuditHarness()
            .Write(".gitignore", "node_modules/\n")
            .Write("api/.env", "API_TOKEN=" + ConfigAuditHarness.SecretMarker + "\n")
            .Write("web/.env", "X=1\n")
            .Write("web/.gitignore", ".env\n");
        harness.Git("init", "-q");

        var findings = (await harness.RunAsync()).Findings;

        var hit = Assert.Single(findings, f => f.RuleId == "MUSTER-ENV-001");
        Assert.Equal("api/.env", hit.Location!.Path);
        Assert.Contains("git ls-files", hit.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.RuleId == "MUSTER-ENV-002");
    }

    [Fact]
    public async Task Compose_variables_respect_defaults_and_escapes_and_use_the_nearest_example()
    {
        using var harness = new ConfigAuditHarness()
            .Write("stack/docker-compose.yml", """
                services:
                  app:
                    image: ghcr.io/acme/app:${APP_VERSION:-1.0.0}
                    command: ["sh", "-c", "echo $$HOME"]
                    environment:
                      DB_HOST: $DB_HOST
                      DB_PASSWORD: ${DB_PASSWORD:?required}
                      FEATURE: ${FEATURE+enabled}
                      # COMMENTED: ${NOT_COUNTED}
                """)
            .Write(".env.example", "DB_HOST=db\n# DB_PASSWORD=\n");

        var findings = (await harness.RunAsync()).Findings;

        Assert.DoesNotContain(findings, f => f.RuleId is "MUSTER-ENV-003" or "MUSTER-ENV-004");
        harness.Write(".env.example", "DB_HOST=db\n");
        var missing = Assert.Single((await harness.RunAsync()).Findings, f => f.RuleId == "MUSTER-ENV-003");
        Assert.Equal(7, missing.Location!.Line);
        Assert.Contains("DB_PASSWORD", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_variables_are_the_ones_compose_interpolates()
    {
        using var harness = new ConfigAuditHarness().Write("compose.yaml", """
            # ${IN_A_COMMENT}
            services:
              app:
                image: ghcr.io/acme/app:1.0.0 # bump with ${RELEASE_TAG}
                command: ["sh", "-c", "echo $$$NEEDED $$NOT_A_VARIABLE"]
                environment:
                  URL: ${PUBLIC_URL:-${FALLBACK_URL}}
            """);

        var findings = (await harness.RunAsync()).Findings;

        var missing = Assert.Single(findings, f => f.RuleId == "MUSTER-ENV-004");
        Assert.Equal("1 variable(s) without defaults (NEEDED) and no .env.example", missing.Message);
        Assert.Equal(new SourceLocation("compose.yaml", 5, 35), missing.Location);
    }
}
