using Muster.Model;

namespace Muster.Tests.Agents.ConfigAudit;

public sealed class ComposeAuditTests
{
    private static async Task<List<Finding>> AuditAsync(params (string Path, string Text)[] files)
    {
        using var harness = new ConfigAuditHarness();
        foreach (var (path, text) in files) harness.Write(path, text);
        return (await harness.RunAsync()).Findings.ToList();
    }

    [Fact]
    public async Task An_override_file_in_the_same_folder_supplies_what_the_base_file_lacks()
    {
        var findings = await AuditAsync(
            ("docker-compose.yml", "services:\n  web:\n    image: ghcr.io/acme/web:1.0.0\n"),
            ("docker-compose.override.yml", "services:\n  web:\n    restart: always\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n"));

        Assert.DoesNotContain(findings, f => f.RuleId is "MUSTER-COMPOSE-008" or "MUSTER-COMPOSE-009");
        var limits = Assert.Single(findings, f => f.RuleId == "MUSTER-COMPOSE-013");
        Assert.Equal(new SourceLocation("docker-compose.yml", 2, 3), limits.Location);
    }

    [Fact]
    public async Task Merge_keys_and_same_file_extends_are_followed()
    {
        var findings = await AuditAsync(("compose.yaml", """
            x-defaults: &defaults
              restart: unless-stopped
              mem_limit: 256m
              healthcheck:
                test: ["CMD", "true"]
            services:
              base:
                <<: *defaults
                image: ghcr.io/acme/base:1.0.0
              child:
                extends: base
                image: ghcr.io/acme/child:1.0.0
              remote:
                extends:
                  file: common.yml
                  service: web
                image: ghcr.io/acme/remote:1.0.0
              bare:
                image: ghcr.io/acme/bare:1.0.0
            """));

        var absent = findings.Where(f => f.RuleId is "MUSTER-COMPOSE-008" or "MUSTER-COMPOSE-009" or "MUSTER-COMPOSE-013")
            .Select(f => f.Message).ToList();
        Assert.Equal(3, absent.Count);
        Assert.All(absent, m => Assert.Contains("'bare'", m, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("- \"5432\"", true)]
    [InlineData("- \"0.0.0.0:6379:6379\"", true)]
    [InlineData("- target: 27017\n        published: 27017", true)]
    [InlineData("- target: 27017\n        published: 27017\n        host_ip: 127.0.0.1", false)]
    [InlineData("- \"[::1]:5432:5432\"", false)]
    [InlineData("- \"127.0.0.1:9200-9201:9200-9201\"", false)]
    [InlineData("- \"9200-9201:9200-9201\"", true)]
    [InlineData("- \"8080:80\"", false)]
    public async Task Database_ports_are_judged_in_short_and_long_syntax(string port, bool expected)
    {
        var findings = await AuditAsync(("docker-compose.yml", $"services:\n  db:\n    image: postgres:16.4\n    ports:\n      {port}\n"));
        Assert.Equal(expected, findings.Any(f => f.RuleId == "MUSTER-COMPOSE-006"));
    }

    [Fact]
    public async Task Literal_secrets_are_redacted_in_evidence_and_urls_with_passwords_are_found()
    {
        var secret = ConfigAuditHarness.Secret;
        var findings = await AuditAsync(("docker-compose.yml", $"""
            services:
              app:
                image: ghcr.io/acme/app:1.0.0
                environment:
                  - JWT_SECRET={secret}
                  - DATABASE_URL=postgres://app:{secret}@db:5432/app
                  - REDIS_URL=redis://redis:6379/0
                  - API_KEY=${"${API_KEY}"}
            """));

        var hits = findings.Where(f => f.RuleId == "MUSTER-COMPOSE-010").OrderBy(f => f.Location!.Line).ToList();
        Assert.Equal([5, 6], hits.Select(h => h.Location!.Line));
        Assert.Equal($"JWT_SECRET={Redaction.Redact(secret)}", hits[0].Evidence);
        Assert.All(hits, h => Assert.DoesNotContain(secret, h.Evidence + h.Message, StringComparison.Ordinal));
        Assert.Contains("URL with a literal password", hits[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sexagesimal_trap_only_for_plain_scalars_with_base60_parts()
    {
        var findings = await AuditAsync(("docker-compose.yml",
            "services:\n  ssh:\n    image: linuxserver/openssh-server:9.7\n    ports:\n      - 2222:22\n      - 8080:80\n      - '22:22'\n      - 3000:3000\n"));
        var hit = Assert.Single(findings, f => f.RuleId == "MUSTER-COMPOSE-017");
        Assert.Equal(5, hit.Location!.Line);
        Assert.Equal(9, hit.Location.Column);
    }

    [Fact]
    public async Task A_merge_key_under_services_merges_services_and_is_not_one()
    {
        var findings = await AuditAsync(("compose.yaml", """
            x-more: &more
              worker:
                image: ghcr.io/acme/worker:latest
            services:
              <<: *more
              web:
                image: ghcr.io/acme/web:1.0.0
            """));

        Assert.DoesNotContain(findings, f => f.Message.Contains("'<<'", StringComparison.Ordinal));
        var unpinned = Assert.Single(findings, f => f.RuleId == "MUSTER-COMPOSE-007");
        Assert.Equal((new SourceLocation("compose.yaml", 3, 12), "service 'worker' uses 'ghcr.io/acme/worker:latest'"), (unpinned.Location, unpinned.Message));
        Assert.Equal(["web", "worker"], findings.Where(f => f.RuleId == "MUSTER-COMPOSE-009").Select(f => f.Message.Split('\'')[1]).Order(StringComparer.Ordinal));
    }
}
