namespace Muster.Tests.Agents.ConfigAudit;

/// <summary>
/// False-positive classes found reading config-audit's findings on public self-hosting stacks (Elastic, Grafana and
/// Redis-with-TLS setups), pinned with synthetic files of the same shape.
/// </summary>
public sealed class RealStackPrecisionTests
{
    private static async Task<IReadOnlyList<string>> RulesAsync(string path, string text)
    {
        using var harness = new ConfigAuditHarness().Write(path, text);
        var result = await harness.RunAsync();
        return result.Findings.Select(f => f.RuleId).ToList();
    }

    [Theory]
    [InlineData("FROM docker.elastic.co/elasticsearch/elasticsearch:8.15.0\nCOPY elasticsearch.yml /usr/share/elasticsearch/config/\n")]
    [InlineData("ARG ELK_VERSION=8.15.0\nFROM docker.elastic.co/kibana/kibana:8.15.0\nRUN kibana-plugin install x\n")]
    [InlineData("ARG ELASTIC_VERSION\nFROM docker.elastic.co/elasticsearch/elasticsearch:${ELASTIC_VERSION:-9.5.1}\nRUN true\n")]
    [InlineData("FROM localhost:5000/grafana/grafana:${TAG}\nCOPY x /x\n")]
    [InlineData("FROM docker.elastic.co/beats/elastic-agent:8.15.0\nCOPY agent.yml /usr/share/elastic-agent/\n")]
    [InlineData("FROM elasticsearch:8.15.0\nRUN elasticsearch-plugin install analysis-icu\n")]
    [InlineData("FROM grafana/grafana-oss:11.2.0 AS base\nFROM base\nCOPY dashboards /var/lib/grafana/dashboards\n")]
    [InlineData("FROM prom/prometheus:v2.54.1\nCOPY prometheus.yml /etc/prometheus/\n")]
    [InlineData("FROM docker.n8n.io/n8nio/n8n:1.64.0\nCOPY nodes /home/node/.n8n/custom\n")]
    [InlineData("FROM quay.io/jupyter/scipy-notebook:2024-10-07\nRUN pip install polars\n")]
    [InlineData("FROM quay.io/keycloak/keycloak:25.0\nRUN /opt/keycloak/bin/kc.sh build\n")]
    public async Task A_base_image_that_runs_as_a_non_root_user_is_not_reported_as_root(string dockerfile)
    {
        Assert.DoesNotContain("MUSTER-DOCKER-001", await RulesAsync("elk/Dockerfile", dockerfile));
    }

    [Theory]
    [InlineData("FROM docker.elastic.co/elasticsearch/elasticsearch:8.15.0\nUSER root\nRUN apt-get update\n")]
    [InlineData("FROM grafana-lookalike/grafana:11\nCOPY x /x\n")]
    [InlineData("FROM debian:12.7\nRUN echo prom/prometheus\n")]
    public async Task Root_is_still_reported_when_the_dockerfile_switches_back_or_the_image_is_not_known_non_root(string dockerfile)
    {
        Assert.Contains("MUSTER-DOCKER-001", await RulesAsync("elk/Dockerfile", dockerfile));
    }

    [Theory]
    [InlineData("/certs/redis.key")]
    [InlineData("/tls/server-key.pem")]
    [InlineData("~/.config/app/token")]
    [InlineData("/Users/dev/secrets/api.key")]
    public void A_file_path_is_where_a_secret_is_kept_not_a_secret(string value)
    {
        Assert.Equal(Muster.Formats.Secrets.SecretValueKind.SecretFilePath, Muster.Formats.Secrets.SecretValueClassifier.Classify(value));
    }

    [Theory]
    [InlineData("/x8Hj2kQ/Lm9vR3tZ")]
    [InlineData("/a3F9kLmQ2x")]
    public void A_random_value_that_starts_with_a_slash_stays_a_literal(string value)
    {
        Assert.Equal(Muster.Formats.Secrets.SecretValueKind.Literal, Muster.Formats.Secrets.SecretValueClassifier.Classify(value));
    }

    [Fact]
    public async Task A_tls_key_path_as_a_variable_default_is_not_a_literal_secret()
    {
        var rules = await RulesAsync("docker-compose.yml",
            "services:\n  redis:\n    image: redis:7.4\n    environment:\n      - REDIS_TLS_KEY=${REDIS_TLS_KEY:-/certs/redis.key}\n      - REDIS_TLS_CERT=${REDIS_TLS_CERT:-/certs/redis.crt}\n");
        Assert.DoesNotContain("MUSTER-COMPOSE-010", rules);
    }
}
