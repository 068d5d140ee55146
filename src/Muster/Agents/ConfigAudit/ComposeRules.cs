using System.Text.RegularExpressions;
using Muster.Formats.Compose;
using Muster.Model;

namespace Muster.Agents.ConfigAudit;

/// <summary>Every rule for Docker Compose files. Values are read as written (no interpolation).</summary>
internal static partial class ComposeRules
{
    private const string Type = "compose";

    /// <summary>Container ports of databases, caches, search engines and brokers that must not face the internet.</summary>
    internal static readonly IReadOnlyDictionary<int, string> DataPorts = new Dictionary<int, string>
    {
        [5432] = "PostgreSQL",
        [3306] = "MySQL/MariaDB",
        [1433] = "SQL Server",
        [1521] = "Oracle",
        [27017] = "MongoDB",
        [27018] = "MongoDB",
        [6379] = "Redis",
        [9200] = "Elasticsearch",
        [9300] = "Elasticsearch transport",
        [5984] = "CouchDB",
        [11211] = "Memcached",
        [9042] = "Cassandra",
        [8086] = "InfluxDB",
        [7687] = "Neo4j Bolt",
        [7474] = "Neo4j HTTP",
        [5672] = "RabbitMQ",
        [15672] = "RabbitMQ management",
        [9092] = "Kafka",
        [2181] = "ZooKeeper",
        [6333] = "Qdrant",
        [8529] = "ArangoDB",
        [26257] = "CockroachDB",
        [8123] = "ClickHouse HTTP",
        [19530] = "Milvus",
        [8091] = "Couchbase",
        [28015] = "RethinkDB",
    };

    private static readonly string[] DangerousCapabilities =
        ["SYS_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "DAC_READ_SEARCH", "NET_ADMIN", "BPF", "SYS_BOOT"];

    private static readonly string[] SensitiveHostPaths = ["/", "/etc", "/proc", "/sys", "/root", "/boot", "/dev", "/var/lib/docker", "/home"];

    public static readonly IReadOnlyList<ConfigRule<ComposeFileGroup>> All =
    [
        new("MUSTER-COMPOSE-000", Type, "Compose file could not be parsed", Severity.Medium,
            "A file that does not parse is not audited at all; nothing in it can be called safe.",
            "Fix the YAML syntax at the reported position (`docker compose config` shows the same error).",
            p => p.Files.Where(f => f.Error is not null).Select(f => f.Error! with { Message = $"Compose file not audited: {f.Error.Message}" })),

        new("MUSTER-COMPOSE-001", Type, "Privileged container", Severity.Critical,
            "`privileged: true` gives the container every capability and all host devices; escaping to the host is trivial.",
            "Remove `privileged: true`; grant only the specific `cap_add` capabilities or `devices` the service needs.",
            p => Each(p, s => s.Get("privileged") is { } v && v.IsTrue() ? [s.Hit(v, $"service '{s.Name}' runs privileged")] : [])),

        new("MUSTER-COMPOSE-002", Type, "Host network mode", Severity.High,
            "`network_mode: host` removes network isolation: every port the service opens is on the host's interfaces and it can reach host-only services.",
            "Use a bridge network and publish only the ports needed, bound to 127.0.0.1 where possible.",
            p => Each(p, s => s.Get("network_mode") is { } v && v.Text() == "host" ? [s.Hit(v, $"service '{s.Name}' uses the host network")] : [])),

        new("MUSTER-COMPOSE-003", Type, "Host PID namespace", Severity.High,
            "`pid: host` lets the container see and signal every host process, and read their environments (often secrets) through /proc.",
            "Remove `pid: host`; debug with a one-off container instead.",
            p => Each(p, s => s.Get("pid") is { } v && v.Text() == "host" ? [s.Hit(v, $"service '{s.Name}' shares the host PID namespace")] : [])),

        new("MUSTER-COMPOSE-004", Type, "Host IPC namespace", Severity.Medium,
            "`ipc: host` shares host shared memory and semaphores, letting the container read or corrupt other processes' IPC data.",
            "Remove `ipc: host`, or use `ipc: shareable` / `service:<name>` between the containers that need it.",
            p => Each(p, s => s.Get("ipc") is { } v && v.Text() == "host" ? [s.Hit(v, $"service '{s.Name}' shares the host IPC namespace")] : [])),

        new("MUSTER-COMPOSE-005", Type, "Container engine socket mounted", Severity.Critical,
            "Whoever can talk to the Docker/Podman socket can start a privileged container with the host's root filesystem: it is root on the host, read-only mount or not.",
            "Do not mount the engine socket; if a tool needs the API, put a filtering socket proxy in front with only the endpoints it needs.",
            p => Each(p, s => Volumes(s).Where(v => IsEngineSocket(v.Source)).Select(v => s.Hit(v.At, $"service '{s.Name}' mounts the engine socket {v.Source}")))),

        new("MUSTER-COMPOSE-006", Type, "Database port published on all interfaces", Severity.High,
            "A database, cache or broker port published without a host IP listens on every interface, and Docker's iptables rules bypass ufw: it is reachable from the internet.",
            "Drop the `ports:` entry (services on the same network reach it by name) or bind it to loopback: \"127.0.0.1:5432:5432\".",
            p => Each(p, DataPortsExposed)),

        new("MUSTER-COMPOSE-007", Type, "Image not pinned (latest or no tag)", Severity.Medium,
            "`:latest` or an untagged image changes under you: a redeploy can pull a breaking or compromised version, and two hosts can run different code.",
            "Pin a version tag, ideally with its digest: `image: postgres:16.4@sha256:...`.",
            p => Each(p, UnpinnedImage)),

        new("MUSTER-COMPOSE-008", Type, "No healthcheck", Severity.Low,
            "Without a healthcheck a hung service shows as running, `depends_on: condition: service_healthy` cannot work, and status reports claim health nobody checked.",
            "Add a `healthcheck:` with a command that proves the service answers (e.g. `pg_isready`, `curl -f http://localhost/health`).",
            p => Missing(p, s => s.Get("healthcheck") is not null || p.BuildOf(s) is { } b && b.File.DeclaresHealthcheck(b.Target),
                "declares no healthcheck (the image may define one; compose does not show it)")),

        new("MUSTER-COMPOSE-009", Type, "No restart policy", Severity.Low,
            "Without a restart policy a crashed container stays down and nothing brings it back after a host reboot.",
            "Add `restart: unless-stopped` (or `deploy.restart_policy` for swarm).",
            p => Missing(p, s => s.Get("restart") is not null || s.Get("deploy").Get("restart_policy") is not null, "has no restart policy")),

        new("MUSTER-COMPOSE-010", Type, "Literal secret in environment", Severity.High,
            "A password, token or key written into the compose file is in every clone, backup and `docker inspect` output.",
            "Reference it instead: `DB_PASSWORD: ${DB_PASSWORD}` with the value in an ignored `.env`, or use compose `secrets:`; rotate the exposed value.",
            p => Each(p, LiteralSecrets)),

        new("MUSTER-COMPOSE-011", Type, "All capabilities added", Severity.Critical,
            "`cap_add: [ALL]` is nearly `privileged`: the container can load modules, mount filesystems and trace host processes.",
            "Add only the named capabilities the service needs (and consider `cap_drop: [ALL]` first).",
            p => Each(p, s => s.Get("cap_add").Scalars().Where(c => Cap(c.Value) == "ALL").Select(c => s.Hit(c, $"service '{s.Name}' adds ALL capabilities")))),

        new("MUSTER-COMPOSE-012", Type, "Dangerous capability added", Severity.High,
            "SYS_ADMIN, SYS_PTRACE, SYS_MODULE, DAC_READ_SEARCH, NET_ADMIN and similar capabilities are known container-escape or host-tampering paths.",
            "Remove the capability; if truly needed, isolate the service and document why.",
            p => Each(p, s => s.Get("cap_add").Scalars().Where(c => DangerousCapabilities.Contains(Cap(c.Value)))
                .Select(c => s.Hit(c, $"service '{s.Name}' adds {Cap(c.Value)}", discriminator: $"{s.Name}/{Cap(c.Value)}")))),

        new("MUSTER-COMPOSE-013", Type, "No resource limits", Severity.Low,
            "A service without memory/CPU limits can starve the whole host (one leak takes down every other service on a small VPS).",
            "Set `deploy.resources.limits` (memory, cpus) or `mem_limit` / `cpus`.",
            p => Missing(p, s => s.Get("mem_limit") is not null || s.Get("cpus") is not null
                                 || s.Get("deploy").Get("resources").Get("limits") is not null, "has no memory or CPU limit")),

        new("MUSTER-COMPOSE-014", Type, "Writable root filesystem on an exposed service", Severity.Low,
            "A service that publishes ports to all interfaces is the first to be attacked; a writable root filesystem lets an intruder drop tools and persist.",
            "Set `read_only: true` and mount `tmpfs:` or volumes only where the service writes.",
            p => p.ServiceGroups
                .Where(g => g.Any(s => s.Ports().Any(port => port.OnAllInterfaces)))
                .Where(g => !p.Has(g, s => s.Get("read_only").IsTrue()))
                .Select(g => ComposeFileGroup.Primary(g).HitAtService($"service '{g[0].Name}' publishes ports on all interfaces with a writable root filesystem"))),

        new("MUSTER-COMPOSE-015", Type, "AppArmor, seccomp or SELinux confinement disabled", Severity.High,
            "`security_opt` with `apparmor:unconfined`, `seccomp:unconfined` or `label:disable` removes the kernel-level guardrails that block most escapes.",
            "Remove the option; if a syscall is missing, ship a custom seccomp profile that allows just that one.",
            p => Each(p, s => s.Get("security_opt").Scalars().Where(o => Unconfined().IsMatch(o.Value ?? ""))
                .Select(o => s.Hit(o, $"service '{s.Name}' sets {o.Value}", discriminator: $"{s.Name}/{o.Value}")))),

        new("MUSTER-COMPOSE-016", Type, "Service runs as root", Severity.Medium,
            "`user: root` (or 0) states that the process runs as root inside the container, so any code-execution bug runs as root against mounted files and the kernel.",
            "Run as an unprivileged user: `user: \"1000:1000\"` (and fix file ownership in the image).",
            p => Each(p, s => s.Get("user") is { } u && IsRootUser(u.Text()) ? [s.Hit(u, $"service '{s.Name}' runs as {u.Text()}")] : [])),

        new("MUSTER-COMPOSE-017", Type, "Unquoted port mapping read as a base-60 number", Severity.Medium,
            "YAML 1.1 parsers read an unquoted `22:22` (any `a:b` with b < 60) as the sexagesimal number 1342, so the port mapping silently becomes something else.",
            "Quote every port mapping: `- \"22:22\"`.",
            p => Each(p, SexagesimalPorts)),

        new("MUSTER-COMPOSE-018", Type, "Sensitive host path mounted", Severity.High,
            "Mounting `/`, `/etc`, `/proc`, `/sys`, `/root`, `/dev` or the Docker data directory hands the container the host's configuration, credentials or devices.",
            "Mount only the specific subdirectory the service needs, read-only (`:ro`) where possible.",
            p => Each(p, s => Volumes(s).Where(v => SensitiveHostPaths.Contains(v.Source.TrimEnd('/') is "" ? "/" : v.Source.TrimEnd('/')))
                .Select(v => s.Hit(v.At, $"service '{s.Name}' mounts host path {v.Source}", discriminator: $"{s.Name}/{v.Source}")))),

        new("MUSTER-COMPOSE-019", Type, "Host user namespace", Severity.Medium,
            "`userns_mode: host` turns off user-namespace remapping for the service, so root in the container is root on the host.",
            "Remove `userns_mode: host`.",
            p => Each(p, s => s.Get("userns_mode") is { } v && v.Text() == "host" ? [s.Hit(v, $"service '{s.Name}' disables user-namespace remapping")] : [])),

        new("MUSTER-COMPOSE-020", Type, "Waits for a healthy service that has no healthcheck", Severity.Medium,
            "`depends_on: {x: {condition: service_healthy}}` on a service with no healthcheck cannot be satisfied: `docker compose up` fails with \"has no healthcheck configured\" unless the image itself defines one.",
            "Add a `healthcheck:` to the dependency, or use `condition: service_started`.",
            p => Each(p, s => Dependencies(s).Where(d => d.Condition == "service_healthy")
                .Where(d => p.Services.Any(o => o.Name == d.Name) && !p.Has(p.Services.Where(o => o.Name == d.Name).ToList(), o => o.Get("healthcheck") is not null))
                .Select(d => s.Hit(d.At, $"service '{s.Name}' waits for '{d.Name}' to be healthy, but '{d.Name}' declares no healthcheck (only its image could)", discriminator: $"{s.Name}/{d.Name}")))),

        new("MUSTER-COMPOSE-022", Type, "Redis reachable without a password", Severity.High,
            "Redis started with `--protected-mode no`, or published on all interfaces without `requirepass`, accepts commands from anyone who can reach it; exposed instances are hijacked within hours (CONFIG SET dir / cron writes, crypto miners).",
            "Set a password (`command: redis-server --requirepass ${REDIS_PASSWORD}`), keep protected mode on, and drop the `ports:` entry or bind it to 127.0.0.1.",
            p => Each(p, UnauthenticatedRedis)),

        new("MUSTER-COMPOSE-023", Type, "Database published with authentication off", Severity.Critical,
            "A database that accepts connections without a password (PostgreSQL `trust`, MySQL's empty root password, MongoDB without access control, Elasticsearch without security) and is published on all interfaces can be read, wiped or ransomed by anyone who finds the port; scanners find such ports within hours.",
            "Turn authentication on (a password from `${VAR}` or a compose secret; `xpack.security.enabled=true`; `MONGO_INITDB_ROOT_USERNAME`/`PASSWORD`) and drop the `ports:` entry or bind it to 127.0.0.1.",
            p => ComposeExposureChecks.OncePerEntry(Each(p, ComposeExposureChecks.UnauthenticatedDatabase))),

        new("MUSTER-COMPOSE-024", Type, "Unauthenticated admin API published on all interfaces", Severity.High,
            "Ollama's API, ComfyUI and Traefik's insecure dashboard have no login: published on all interfaces (Docker's rules bypass ufw), anyone who reaches the port can run models and workflows or read the proxy's whole configuration.",
            "Bind the port to loopback (\"127.0.0.1:11434:11434\") and reach it through an authenticating reverse proxy or a VPN; for Traefik drop `--api.insecure=true` and secure the dashboard router.",
            p => ComposeExposureChecks.OncePerEntry(Each(p, s => ComposeExposureChecks.AdminUiExposed(s, withOwnLogin: false)))),

        new("MUSTER-COMPOSE-025", Type, "Admin UI published on all interfaces", Severity.Medium,
            "Portainer, Grafana, n8n, Jupyter, pgAdmin, Adminer, phpMyAdmin, Kibana and similar consoles control data or code; published on all interfaces their login page is one password-guessing or CVE away from the whole stack.",
            "Bind the port to 127.0.0.1 and publish the UI only through the reverse proxy (with TLS and, ideally, SSO or an IP allow-list).",
            p => ComposeExposureChecks.OncePerEntry(Each(p, s => ComposeExposureChecks.AdminUiExposed(s, withOwnLogin: true)))),

        new("MUSTER-COMPOSE-021", Type, "Depends on a service that is not defined", Severity.Medium,
            "A `depends_on` entry naming no service makes `docker compose up` refuse the whole file; usually a renamed or removed service.",
            "Fix the service name or remove the dependency.",
            p => p.Files.Any(f => f.Root?.Get("include") is not null) ? [] : Each(p, s => Dependencies(s).Where(d => !p.ServiceNames.Contains(d.Name))
                .Select(d => s.Hit(d.At, $"service '{s.Name}' depends on '{d.Name}', which no compose file in this folder defines", discriminator: $"{s.Name}/{d.Name}")))),
    ];

    /// <summary><c>depends_on</c> in list form (condition service_started) or map form with a condition.</summary>
    private static IEnumerable<(string Name, string Condition, ComposePosition At)> Dependencies(ComposeServiceDefinition s)
    {
        switch (s.Get("depends_on"))
        {
            case ComposeSequence seq:
                foreach (var item in seq.Items.OfType<ComposeScalar>())
                {
                    if (item.Value is { Length: > 0 } name) yield return (name, "service_started", item.Position);
                }
                break;
            case ComposeMapping map:
                foreach (var entry in map.Entries)
                {
                    if (entry.Key is { Length: > 0 } name) yield return (name, entry.Value.Get("condition").Text() ?? "service_started", entry.KeyPosition);
                }
                break;
        }
    }

    private static IEnumerable<RuleHit> Each(ComposeFileGroup project, Func<ComposeServiceDefinition, IEnumerable<RuleHit>> check) =>
        project.Services.SelectMany(check);

    private static IEnumerable<RuleHit> Missing(ComposeFileGroup project, Func<ComposeServiceDefinition, bool> present, string what) =>
        project.ServiceGroups.Where(g => !project.Has(g, present))
            .Select(g => ComposeFileGroup.Primary(g).HitAtService($"service '{g[0].Name}' {what}"));

    private static string Cap(string? value) => (value ?? "").Trim().ToUpperInvariant().Replace("CAP_", "", StringComparison.Ordinal);

    private static bool IsRootUser(string? user) => user?.Trim() is "root" or "0" || (user?.Trim().StartsWith("root:", StringComparison.Ordinal) ?? false)
                                                    || (user?.Trim().StartsWith("0:", StringComparison.Ordinal) ?? false);

    private static bool IsEngineSocket(string source) =>
        source.EndsWith("docker.sock", StringComparison.Ordinal) || source.EndsWith("podman.sock", StringComparison.Ordinal)
                                                                  || source.EndsWith("containerd.sock", StringComparison.Ordinal);

    /// <summary>Bind mounts: short <c>src:dst[:mode]</c> strings and long-syntax mappings with a <c>source</c>.</summary>
    private static IEnumerable<(string Source, ComposeNode At)> Volumes(ComposeServiceDefinition service)
    {
        if (service.Get("volumes") is not ComposeSequence seq) yield break;
        foreach (var item in seq.Items)
        {
            if (item is ComposeScalar { Value: { } text })
            {
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0) yield return (text[..colon], item);
            }
            else if (item is ComposeMapping map && map.Get("source").Text() is { } source)
            {
                yield return (source, item);
            }
        }
    }

    private static IEnumerable<RuleHit> DataPortsExposed(ComposeServiceDefinition s)
    {
        foreach (var port in s.Ports())
        {
            if (!port.OnAllInterfaces) continue;
            foreach (var number in port.TargetPorts())
            {
                if (!DataPorts.TryGetValue(number, out var what)) continue;
                yield return s.Hit(port.Position, $"service '{s.Name}' publishes {what} port {number} on {port.HostPortDescription} on all interfaces",
                    discriminator: $"{s.Name}/{number}");
                break;
            }
        }
    }

    private static IEnumerable<RuleHit> UnpinnedImage(ComposeServiceDefinition s)
    {
        if (s.Get("build") is not null) return [];
        if (s.Get("image") is not ComposeScalar { Value: { } image } node || image.Contains('$') || image.Contains('@')) return [];
        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        var tag = colon < 0 ? null : image[(colon + 1)..];
        if (tag is not null && tag != "latest") return [];
        return [s.Hit(node, tag is null ? $"service '{s.Name}' uses image '{image}' without a tag (means :latest)" : $"service '{s.Name}' uses '{image}'")];
    }

    private static IEnumerable<RuleHit> LiteralSecrets(ComposeServiceDefinition s)
    {
        foreach (var (key, value, at) in s.Get("environment").EnvironmentPairs())
        {
            if (value is null) continue;
            if (SecretValues.IsSecretKey(key) && SecretValues.IsLiteralSecret(value))
            {
                yield return s.Hit(at, $"service '{s.Name}' sets {key} to a literal value", $"{key}={Redaction.Redact(value)}", $"{s.Name}/{key}");
            }
            else if (SecretValues.IsSecretKey(key) && InterpolationDefault().Match(value.Trim()) is { Success: true } m
                     && SecretValues.IsLiteralSecret(m.Groups["default"].Value))
            {
                // ${DB_PASS:-literal}: whenever the variable is unset (a fresh clone) the committed default is the password.
                yield return s.Hit(at, $"service '{s.Name}' sets {key} from ${{{m.Groups["name"].Value}}} with a literal default, used whenever the variable is unset",
                    $"{key}=${{{m.Groups["name"].Value}:-{Redaction.Redact(m.Groups["default"].Value)}}}", $"{s.Name}/{key}");
            }
            else if (SecretValues.TryGetUrlPassword(value, out var password))
            {
                yield return s.Hit(at, $"service '{s.Name}' sets {key} to a URL with a literal password",
                    $"{key}=…:{Redaction.Redact(password)}@…", $"{s.Name}/{key}");
            }
        }
    }

    private static IEnumerable<RuleHit> UnauthenticatedRedis(ComposeServiceDefinition s)
    {
        if (s.Get("image").Text() is not { } image || !RedisImage().IsMatch(image)) yield break;
        var command = string.Join(' ', s.Get("command") switch
        {
            ComposeSequence seq => seq.Items.OfType<ComposeScalar>().Select(c => c.Value ?? ""),
            ComposeScalar one => [one.Value ?? ""],
            _ => [],
        });
        if (ProtectedModeOff().Match(command) is { Success: true })
        {
            yield return s.Hit(s.Get("command")!, $"service '{s.Name}' starts Redis with protected mode off");
            yield break;
        }
        var hasPassword = command.Contains("requirepass", StringComparison.OrdinalIgnoreCase)
                          || s.Get("environment").EnvironmentPairs().Any(e => e.Key is "REDIS_PASSWORD" or "REDIS_ARGS" or "VALKEY_PASSWORD" && !string.IsNullOrEmpty(e.Value))
                          || s.Get("volumes").Scalars().Any(v => v.Value?.Contains(".conf", StringComparison.Ordinal) == true);
        var exposed = s.Ports().FirstOrDefault(port => port.OnAllInterfaces && port.TargetPorts().Contains(6379));
        if (exposed is not null && !hasPassword)
        {
            yield return s.Hit(exposed.Position, $"service '{s.Name}' publishes Redis port 6379 on all interfaces and sets no requirepass (nor mounts a redis.conf)");
        }
    }

    private static IEnumerable<RuleHit> SexagesimalPorts(ComposeServiceDefinition s)
    {
        if (s.Get("ports") is not ComposeSequence seq) yield break;
        foreach (var item in seq.Items.OfType<ComposeScalar>())
        {
            if (item.Plain && Sexagesimal().IsMatch(item.Value ?? ""))
            {
                yield return s.Hit(item, $"service '{s.Name}' has unquoted port mapping {item.Value}", discriminator: $"{s.Name}/{item.Value}");
            }
        }
    }

    [GeneratedRegex(@"^(apparmor|seccomp)[:=]unconfined$|^label[:=]disable$|^systempaths[:=]unconfined$", RegexOptions.IgnoreCase)]
    private static partial Regex Unconfined();

    [GeneratedRegex(@"^\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*):?-(?<default>[^}$]*)\}$")]
    private static partial Regex InterpolationDefault();

    [GeneratedRegex(@"^([a-z0-9.-]+(:[0-9]+)?/)*(bitnami/)?(redis|valkey|redis-stack|redis-stack-server)(:[^/]*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RedisImage();

    [GeneratedRegex(@"--protected-mode\s+no\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProtectedModeOff();

    [GeneratedRegex(@"^[0-9][0-9_]*(:[0-5]?[0-9])+$")]
    private static partial Regex Sexagesimal();
}
