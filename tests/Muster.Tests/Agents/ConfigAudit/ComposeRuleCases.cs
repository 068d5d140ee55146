namespace Muster.Tests.Agents.ConfigAudit;

internal static class ComposeRuleCases
{
    private const string File = "deploy/docker-compose.yml";

    /// <summary>A service that satisfies every compose rule; cases add one flaw to it.</summary>
    private const string Hardened = """
          api:
            image: ghcr.io/acme/api:1.4.2
            restart: unless-stopped
            read_only: true
            user: "1000:1000"
            healthcheck:
              test: ["CMD", "curl", "-f", "http://localhost:8000/health"]
              interval: 30s
            deploy:
              resources:
                limits:
                  memory: 512M
                  cpus: "0.5"
            ports:
              - "127.0.0.1:8000:8000"
            environment:
              DB_PASSWORD: ${DB_PASSWORD}
              LOG_LEVEL: info
        """;

    private static Dictionary<string, string> Compose(string extraApiLines = "", string extraServices = "") =>
        new() { [File] = "services:\n" + Hardened + "\n" + Indent(extraApiLines, 4) + Indent(extraServices, 2) };

    private static string Indent(string text, int spaces) =>
        text.Length == 0 ? "" : string.Concat(text.Split('\n').Select(l => new string(' ', spaces) + l + "\n"));

    // The hardened block has 18 lines after "services:", so an added api line lands on line 20.
    private const int FirstExtraLine = 20;

    public static IEnumerable<RuleCase> All =>
    [
        new("MUSTER-COMPOSE-000", File, 0,
            new() { [File] = "services:\n  api:\n    image: [ghcr.io/acme/api\n    restart: always\n" }, Compose()),
        new("MUSTER-COMPOSE-001", File, FirstExtraLine, Compose("privileged: true"), Compose("privileged: false")),
        new("MUSTER-COMPOSE-002", File, FirstExtraLine, Compose("network_mode: host"), Compose("network_mode: bridge")),
        new("MUSTER-COMPOSE-003", File, FirstExtraLine, Compose("pid: host"), Compose("pid: \"service:db\"")),
        new("MUSTER-COMPOSE-004", File, FirstExtraLine, Compose("ipc: host"), Compose("ipc: shareable")),
        new("MUSTER-COMPOSE-005", File, FirstExtraLine + 1,
            Compose("volumes:\n  - /var/run/docker.sock:/var/run/docker.sock:ro"), Compose("volumes:\n  - ./data:/srv/data")),
        new("MUSTER-COMPOSE-006", File, FirstExtraLine + 3,
            Compose(extraServices: "db:\n  image: postgres:16.4\n  ports:\n    - \"5432:5432\""),
            Compose(extraServices: "db:\n  image: postgres:16.4\n  ports:\n    - \"127.0.0.1:5432:5432\"\n  expose:\n    - \"5432\"")),
        new("MUSTER-COMPOSE-007", File, FirstExtraLine + 1,
            Compose(extraServices: "cache:\n  image: redis:latest"), Compose(extraServices: "cache:\n  image: redis:7.4.1-alpine")),
        new("MUSTER-COMPOSE-008", File, FirstExtraLine,
            Compose(extraServices: "worker:\n  image: ghcr.io/acme/worker:2.0.1\n  restart: always"),
            Compose(extraServices: "worker:\n  image: ghcr.io/acme/worker:2.0.1\n  healthcheck:\n    test: [\"CMD\", \"true\"]")),
        new("MUSTER-COMPOSE-009", File, FirstExtraLine,
            Compose(extraServices: "worker:\n  image: ghcr.io/acme/worker:2.0.1"),
            Compose(extraServices: "worker:\n  image: ghcr.io/acme/worker:2.0.1\n  deploy:\n    restart_policy:\n      condition: on-failure")),
        new("MUSTER-COMPOSE-010", File, FirstExtraLine + 3,
            Compose(extraServices: "db:\n  image: postgres:16.4\n  environment:\n    POSTGRES_PASSWORD: @SECRET@"),
            Compose(extraServices: "db:\n  image: postgres:16.4\n  environment:\n    - POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?set it}\n    - POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n    - POSTGRES_USER=app")),
        new("MUSTER-COMPOSE-011", File, FirstExtraLine + 1, Compose("cap_add:\n  - ALL"), Compose("cap_add:\n  - NET_BIND_SERVICE")),
        new("MUSTER-COMPOSE-012", File, FirstExtraLine + 2,
            Compose("cap_add:\n  - NET_BIND_SERVICE\n  - SYS_ADMIN"), Compose("cap_drop:\n  - SYS_ADMIN\ncap_add:\n  - CHOWN")),
        new("MUSTER-COMPOSE-013", File, FirstExtraLine,
            Compose(extraServices: "worker:\n  image: ghcr.io/acme/worker:2.0.1"),
            Compose(extraServices: "worker:\n  image: ghcr.io/acme/worker:2.0.1\n  mem_limit: 256m")),
        new("MUSTER-COMPOSE-014", File, FirstExtraLine,
            Compose(extraServices: "proxy:\n  image: nginx:1.27.2\n  ports:\n    - \"443:443\""),
            Compose(extraServices: "proxy:\n  image: nginx:1.27.2\n  read_only: true\n  ports:\n    - \"443:443\"")),
        new("MUSTER-COMPOSE-015", File, FirstExtraLine + 1,
            Compose("security_opt:\n  - seccomp:unconfined"), Compose("security_opt:\n  - no-new-privileges:true")),
        new("MUSTER-COMPOSE-016", File, FirstExtraLine + 2,
            Compose(extraServices: "worker:\n  image: ghcr.io/acme/worker:2.0.1\n  user: root"),
            Compose(extraServices: "worker:\n  image: ghcr.io/acme/worker:2.0.1\n  user: \"1001\"")),
        new("MUSTER-COMPOSE-017", File, FirstExtraLine + 3,
            Compose(extraServices: "git:\n  image: gitea/gitea:1.22.3\n  ports:\n    - 22:22"),
            Compose(extraServices: "git:\n  image: gitea/gitea:1.22.3\n  ports:\n    - \"22:22\"\n    - 3000:3000")),
        new("MUSTER-COMPOSE-018", File, FirstExtraLine + 1,
            Compose("volumes:\n  - /etc:/host/etc:ro"), Compose("volumes:\n  - /etc/localtime:/etc/localtime:ro")),
        new("MUSTER-COMPOSE-019", File, FirstExtraLine, Compose("userns_mode: host"), Compose()),
        new("MUSTER-COMPOSE-020", File, FirstExtraLine + 1,
            Compose("depends_on:\n  ollama:\n    condition: service_healthy", "ollama:\n  image: ollama/ollama:0.4.7"),
            Compose("depends_on:\n  ollama:\n    condition: service_healthy", "ollama:\n  image: ollama/ollama:0.4.7\n  healthcheck:\n    test: [\"CMD\", \"ollama\", \"list\"]")),
        new("MUSTER-COMPOSE-021", File, FirstExtraLine + 1,
            Compose("depends_on:\n  - postgres"), Compose("depends_on:\n  - db", "db:\n  image: postgres:16.4")),
        new("MUSTER-COMPOSE-022", File, FirstExtraLine + 3,
            Compose(extraServices: "cache:\n  image: redis:7.4.1-alpine\n  ports:\n    - \"6379:6379\""),
            Compose(extraServices: "cache:\n  image: redis:7.4.1-alpine\n  command: redis-server --requirepass ${REDIS_PASSWORD}\n  ports:\n    - \"6379:6379\"")),
        new("MUSTER-COMPOSE-023", File, FirstExtraLine + 5,
            Compose(extraServices: "db:\n  image: postgres:16.4\n  environment:\n    POSTGRES_HOST_AUTH_METHOD: trust\n  ports:\n    - \"5432:5432\""),
            Compose(extraServices: "db:\n  image: postgres:16.4\n  environment:\n    POSTGRES_HOST_AUTH_METHOD: trust\n  ports:\n    - \"127.0.0.1:5432:5432\"\n"
                                   + "search:\n  image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0\n  ports:\n    - \"9200:9200\"\n"
                                   + "mongo:\n  image: mongo:7.0\n  environment:\n    MONGO_INITDB_ROOT_USERNAME: root\n    MONGO_INITDB_ROOT_PASSWORD: ${MONGO_PASSWORD}\n  ports:\n    - \"27017:27017\"\n"
                                   + "legacy:\n  image: elasticsearch:7.17.24\n  env_file: .env.search\n  ports:\n    - \"9201:9200\"")),
        new("MUSTER-COMPOSE-024", File, FirstExtraLine + 3,
            Compose(extraServices: "ollama:\n  image: ollama/ollama:0.4.7\n  ports:\n    - \"11434:11434\""),
            Compose(extraServices: "ollama:\n  image: ollama/ollama:0.4.7\n  ports:\n    - \"127.0.0.1:11434:11434\"\n"
                                   + "proxy:\n  image: traefik:v3.2\n  command: [\"--api.dashboard=true\", \"--providers.docker=true\"]\n  ports:\n    - \"8080:8080\"")),
        new("MUSTER-COMPOSE-025", File, FirstExtraLine + 3,
            Compose(extraServices: "grafana:\n  image: grafana/grafana-oss:11.3.0\n  ports:\n    - \"3000:3000\""),
            Compose(extraServices: "grafana:\n  image: grafana/grafana-oss:11.3.0\n  ports:\n    - \"127.0.0.1:3000:3000\"\n"
                                   + "app:\n  image: ghcr.io/acme/dashboard:1.0.0\n  ports:\n    - \"3000:3000\"")),
    ];
}
