namespace Muster.Tests.Agents.ConfigAudit;

/// <summary>
/// MUSTER-COMPOSE-008 (no healthcheck) reads the Dockerfile a service builds: a HEALTHCHECK there is a healthcheck
/// (the one false positive judged on docker/awesome-compose).
/// </summary>
public sealed class ComposeBuildHealthcheckTests
{
    private const string Service = "services:\n  web:\n    restart: unless-stopped\n    build: {0}\n";

    [Theory]
    [InlineData("./backend", "backend/Dockerfile", "FROM python:3.12-slim\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD [\"app\"]\n")]
    [InlineData("\n      context: app\n      dockerfile: Dockerfile.prod", "app/Dockerfile.prod", "FROM node:22\nHEALTHCHECK --interval=30s \\\n  CMD wget -qO- http://localhost:3000/health\n")]
    [InlineData("\n      context: .\n      target: runtime", "Dockerfile", "FROM golang:1.23 AS build\nRUN go build\nHEALTHCHECK CMD [\"/app\", \"-health\"]\nFROM build AS runtime\nCMD [\"/app\"]\nFROM scratch AS other\n")]
    public async Task A_healthcheck_in_the_built_dockerfile_counts(string build, string dockerfilePath, string dockerfile)
    {
        var compose = string.Format(System.Globalization.CultureInfo.InvariantCulture, Service, build);
        using var harness = new ConfigAuditHarness().Write("compose.yaml", compose).Write(dockerfilePath, dockerfile);

        var result = await harness.RunAsync();

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "MUSTER-COMPOSE-008");
    }

    [Theory]
    [InlineData("./backend", "backend/Dockerfile", "FROM python:3.12-slim\nCMD [\"app\"]\n")]
    [InlineData("./backend", "backend/Dockerfile", "FROM python:3.12-slim\nHEALTHCHECK CMD true\nFROM python:3.12-slim\nCMD [\"app\"]\n")]
    [InlineData("./backend", "backend/Dockerfile", "FROM base:1 AS base\nHEALTHCHECK CMD true\nFROM base\nHEALTHCHECK NONE\n")]
    [InlineData("./backend", "other/Dockerfile", "FROM python:3.12-slim\nHEALTHCHECK CMD true\n")]
    public async Task No_healthcheck_in_the_image_that_is_built_is_still_reported(string build, string dockerfilePath, string dockerfile)
    {
        var compose = string.Format(System.Globalization.CultureInfo.InvariantCulture, Service, build);
        using var harness = new ConfigAuditHarness().Write("compose.yaml", compose).Write(dockerfilePath, dockerfile);

        var result = await harness.RunAsync();

        Assert.Single(result.Findings, f => f.RuleId == "MUSTER-COMPOSE-008");
    }
}
