namespace Muster.Tests.Agents.ConfigAudit;

/// <summary>Published databases with authentication off, and published admin surfaces, per engine and image.</summary>
public sealed class ComposeExposureTests
{
    private static async Task<IReadOnlyList<string>> MessagesAsync(string rule, string services)
    {
        using var harness = new ConfigAuditHarness().Write("docker-compose.yml", "services:\n" + services);
        var result = await harness.RunAsync();
        return result.Findings.Where(f => f.RuleId == rule).Select(f => f.Message).ToList();
    }

    [Theory]
    [InlineData("  db:\n    image: mongo:7.0\n    ports:\n      - \"27017:27017\"\n", "MongoDB")]
    [InlineData("  db:\n    image: bitnami/mongodb:7.0\n    environment:\n      - ALLOW_EMPTY_PASSWORD=yes\n    ports:\n      - 27017\n", "random host port")]
    [InlineData("  es:\n    image: elasticsearch:7.17.24\n    ports:\n      - \"9200:9200\"\n", "Elasticsearch 7.x")]
    [InlineData("  es:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0\n    environment:\n      - xpack.security.enabled=false\n    ports:\n      - \"9200:9200\"\n", "xpack.security.enabled=false")]
    [InlineData("  os:\n    image: opensearchproject/opensearch:2.17.1\n    environment:\n      DISABLE_SECURITY_PLUGIN: \"true\"\n    ports:\n      - \"0.0.0.0:9200:9200\"\n", "OpenSearch")]
    [InlineData("  db:\n    image: mysql:8.4\n    environment:\n      MYSQL_ALLOW_EMPTY_PASSWORD: \"yes\"\n    ports:\n      - \"3306:3306\"\n", "empty password")]
    [InlineData("  db:\n    image: pgvector/pgvector:pg16\n    network_mode: host\n    environment:\n      - POSTGRES_HOST_AUTH_METHOD=trust\n", "host network")]
    public async Task A_published_database_with_authentication_off_is_critical(string services, string expected)
    {
        var hit = Assert.Single(await MessagesAsync("MUSTER-COMPOSE-023", services));
        Assert.Contains(expected, hit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  db:\n    image: mongo:7.0\n    command: [\"mongod\", \"--auth\"]\n    ports:\n      - \"27017:27017\"\n")]
    [InlineData("  db:\n    image: mongo:7.0\n    environment:\n      - MONGO_INITDB_ROOT_USERNAME_FILE=/run/secrets/user\n    ports:\n      - \"27017:27017\"\n")]
    [InlineData("  db:\n    image: mongo:7.0\n    volumes:\n      - ./mongod.conf:/etc/mongod.conf:ro\n    ports:\n      - \"27017:27017\"\n")]
    [InlineData("  db:\n    image: mongo:7.0\n    expose:\n      - \"27017\"\n")]
    [InlineData("  es:\n    image: elasticsearch:7.17.24\n    environment:\n      - xpack.security.enabled=true\n    ports:\n      - \"9200:9200\"\n")]
    [InlineData("  es:\n    image: elasticsearch:${ES_VERSION}\n    ports:\n      - \"9200:9200\"\n")]
    [InlineData("  db:\n    image: mysql:8.4\n    environment:\n      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD}\n    ports:\n      - \"3306:3306\"\n")]
    [InlineData("  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_HOST_AUTH_METHOD: scram-sha-256\n    ports:\n      - \"5432:5432\"\n")]
    public async Task A_database_with_authentication_or_settings_from_elsewhere_is_not_reported(string services)
    {
        Assert.Empty(await MessagesAsync("MUSTER-COMPOSE-023", services));
    }

    [Theory]
    [InlineData("  ui:\n    image: yanwk/comfyui-boot:cu124-slim\n    ports:\n      - \"8188:8188\"\n", "ComfyUI")]
    [InlineData("  proxy:\n    image: traefik:v3.2\n    command:\n      - --api.insecure=true\n    ports:\n      - \"80:80\"\n      - \"8080:8080\"\n", "Traefik")]
    public async Task An_admin_api_without_login_published_on_all_interfaces_is_high(string services, string expected)
    {
        var hit = Assert.Single(await MessagesAsync("MUSTER-COMPOSE-024", services));
        Assert.Contains(expected, hit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  portainer:\n    image: portainer/portainer-ce:2.21.4\n    ports:\n      - \"9443:9443\"\n", "Portainer")]
    [InlineData("  n8n:\n    image: docker.n8n.io/n8nio/n8n:1.70.1\n    ports:\n      - 5678:5678\n", "n8n")]
    public async Task An_admin_ui_with_its_own_login_published_on_all_interfaces_is_medium(string services, string expected)
    {
        var hit = Assert.Single(await MessagesAsync("MUSTER-COMPOSE-025", services));
        Assert.Contains(expected, hit, StringComparison.Ordinal);
        Assert.Empty(await MessagesAsync("MUSTER-COMPOSE-024", services));
    }

    [Fact]
    public async Task Profiles_that_share_one_ports_entry_through_an_anchor_give_one_finding()
    {
        var services = "  ollama-cpu: &ollama\n    image: ollama/ollama:0.4.7\n    profiles: [\"cpu\"]\n    ports:\n      - \"11434:11434\"\n"
                       + "  ollama-gpu:\n    <<: *ollama\n    profiles: [\"gpu\"]\n";

        var hit = Assert.Single(await MessagesAsync("MUSTER-COMPOSE-024", services));

        Assert.Contains("'ollama-cpu', 'ollama-gpu'", hit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"0.0.0.0::5432\"", "on a random host port on all interfaces")]
    [InlineData("\"5432\"", "on a random host port on all interfaces")]
    [InlineData("\"0.0.0.0:15432:5432\"", "on host port 15432 on all interfaces")]
    public async Task An_engine_chosen_host_port_is_named_as_compose_means_it(string port, string expected)
    {
        var services = $"  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_HOST_AUTH_METHOD: trust\n    ports:\n      - {port}\n";

        Assert.EndsWith(expected, Assert.Single(await MessagesAsync("MUSTER-COMPOSE-006", services)), StringComparison.Ordinal);
        Assert.Contains(expected, Assert.Single(await MessagesAsync("MUSTER-COMPOSE-023", services)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"6379\"", true)]
    [InlineData("\"0.0.0.0::6379\"", true)]
    [InlineData("\"127.0.0.1::6379\"", false)]
    [InlineData("\"[::1]::6379\"", false)]
    public async Task An_engine_chosen_host_port_is_published_on_the_interfaces_its_ip_names(string port, bool exposed)
    {
        var services = $"  cache:\n    image: redis:7.4.1\n    ports:\n      - {port}\n";

        Assert.Equal(exposed, (await MessagesAsync("MUSTER-COMPOSE-022", services)).Count == 1);
        Assert.Equal(exposed, (await MessagesAsync("MUSTER-COMPOSE-014", services)).Count == 1);
        Assert.Equal(exposed, (await MessagesAsync("MUSTER-COMPOSE-006", services)).Count == 1);
    }
}
