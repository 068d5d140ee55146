using Muster.Formats.Compose;

namespace Muster.Agents.ConfigAudit;

/// <summary>
/// Services reachable from other machines that either accept anyone (a database with authentication off) or are an
/// administration surface (model servers, container managers, dashboards). Judged only on what the compose file states:
/// a service whose settings may come from elsewhere (an <c>env_file</c>, a mounted config file, a variable image) is skipped.
/// </summary>
internal static class ComposeExposureChecks
{
    private sealed record AdminSurface(string What, int[] Ports, bool HasOwnLogin, Func<ComposeImage, bool> Matches);

    private static readonly AdminSurface[] AdminSurfaces =
    [
        new("the Ollama API (no authentication: anyone can run, pull and delete models)", [11434], false, i => i.Is("ollama/ollama")),
        new("ComfyUI (no authentication: anyone can queue workflows that run custom-node code)", [8188], false, i => i.Repository.Contains("comfyui", StringComparison.Ordinal)),
        new("the Traefik API/dashboard in insecure mode (no authentication)", [8080], false, i => i.Is("traefik")),
        new("Portainer (full control of the container engine)", [9000, 9443], true, i => i.Is("portainer/portainer-ce", "portainer/portainer-ee", "portainer/portainer")),
        new("Grafana", [3000], true, i => i.Is("grafana/grafana", "grafana/grafana-oss", "grafana/grafana-enterprise")),
        new("n8n (workflows that run code and hold credentials)", [5678], true, i => i.Is("n8nio/n8n")),
        new("Jupyter (code execution)", [8888], true, i => i.Repository.StartsWith("jupyter/", StringComparison.Ordinal)),
        new("pgAdmin", [80, 443], true, i => i.Is("dpage/pgadmin4")),
        new("Adminer", [8080], true, i => i.Is("adminer")),
        new("phpMyAdmin", [80], true, i => i.Is("phpmyadmin", "phpmyadmin/phpmyadmin")),
        new("Kibana", [5601], true, i => i.Is("kibana", "kibana/kibana")),
        new("mongo-express", [8081], true, i => i.Is("mongo-express")),
        new("Open WebUI", [8080], true, i => i.Is("open-webui/open-webui")),
    ];

    /// <summary>
    /// Services that share a <c>ports:</c> entry through a YAML anchor (CPU/GPU profiles of one service) give one hit at
    /// that entry naming them all: one line to fix, one finding.
    /// </summary>
    public static IEnumerable<RuleHit> OncePerEntry(IEnumerable<RuleHit> hits) =>
        hits.GroupBy(h => (h.Path, h.Line, h.Column)).Select(g => g.Count() == 1 ? g.First() : g.First() with
        {
            Message = g.First().Message + $" (the same entry is shared through a YAML anchor by {string.Join(", ", g.Select(h => h.Discriminator!.Split('/')[0]).Distinct(StringComparer.Ordinal).Select(n => $"'{n}'"))})",
        });

    public static IEnumerable<RuleHit> UnauthenticatedDatabase(ComposeServiceDefinition s)
    {
        if (ComposeImage.Parse(s.Get("image").Text()) is not { } image) yield break;
        if (s.Get("env_file") is not null) yield break;
        var env = Environment(s);
        if (NoAuthentication(s, image, env) is not { } finding) yield break;
        if (Published(s, finding.Port) is not { } where) yield break;
        yield return s.Hit(where.At, $"service '{s.Name}' publishes {finding.Engine} (port {finding.Port}) {where.How}, and {finding.Reason}",
            discriminator: $"{s.Name}/{finding.Port}");
    }

    public static IEnumerable<RuleHit> AdminUiExposed(ComposeServiceDefinition s, bool withOwnLogin)
    {
        if (ComposeImage.Parse(s.Get("image").Text()) is not { } image) yield break;
        var surface = AdminSurfaces.FirstOrDefault(a => a.Matches(image));
        if (surface is null || surface.HasOwnLogin != withOwnLogin) yield break;
        if (image.Is("traefik") && !CommandText(s).Contains("--api.insecure=true", StringComparison.OrdinalIgnoreCase)) yield break;
        foreach (var port in surface.Ports)
        {
            if (Published(s, port) is not { } where) continue;
            yield return s.Hit(where.At, $"service '{s.Name}' publishes {surface.What} (port {port}) {where.How}", discriminator: $"{s.Name}/{port}");
            yield break;
        }
    }

    private sealed record NoAuth(string Engine, int Port, string Reason);

    private static NoAuth? NoAuthentication(ComposeServiceDefinition s, ComposeImage image, IReadOnlyDictionary<string, string?> env)
    {
        if (Value(env, "POSTGRES_HOST_AUTH_METHOD")?.Trim().Equals("trust", StringComparison.OrdinalIgnoreCase) == true)
        {
            return new("PostgreSQL", 5432, "POSTGRES_HOST_AUTH_METHOD=trust lets every client connect as any user without a password");
        }
        foreach (var key in new[] { "MYSQL_ALLOW_EMPTY_PASSWORD", "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD", "MARIADB_ALLOW_EMPTY_PASSWORD" })
        {
            if (IsYes(Value(env, key)) && !env.ContainsKey("MYSQL_ROOT_PASSWORD") && !env.ContainsKey("MARIADB_ROOT_PASSWORD"))
            {
                return new("MySQL/MariaDB", 3306, $"{key} gives root an empty password");
            }
        }
        if (image.Is("mongo", "mongodb/mongodb-community-server", "mongodb/mongodb-enterprise-server"))
        {
            var command = CommandText(s);
            var configured = env.Keys.Any(k => k.StartsWith("MONGO_INITDB_ROOT_USERNAME", StringComparison.Ordinal))
                             || command.Contains("--auth", StringComparison.Ordinal) || command.Contains("--keyFile", StringComparison.Ordinal)
                             || command.Contains("--config", StringComparison.Ordinal) || MountsConfigFile(s);
            return configured ? null : new("MongoDB", 27017, "sets no MONGO_INITDB_ROOT_USERNAME/PASSWORD nor --auth, so MongoDB runs with access control off");
        }
        if (image.Is("bitnami/mongodb") && IsYes(Value(env, "ALLOW_EMPTY_PASSWORD")))
        {
            return new("MongoDB", 27017, "ALLOW_EMPTY_PASSWORD=yes runs MongoDB without authentication");
        }
        if (image.Is("elasticsearch", "elasticsearch/elasticsearch", "bitnami/elasticsearch"))
        {
            if (MountsConfigFile(s)) return null;
            var security = Value(env, "xpack.security.enabled")?.Trim().ToLowerInvariant();
            if (security == "false") return new("Elasticsearch", 9200, "xpack.security.enabled=false turns authentication off");
            if (security is null && !env.ContainsKey("xpack.security.enabled") && image.MajorVersion is { } major and < 8)
            {
                return new("Elasticsearch", 9200, $"Elasticsearch {major}.x has security off unless xpack.security.enabled=true is set");
            }
            return null;
        }
        if (image.Is("opensearchproject/opensearch")
            && (IsYes(Value(env, "DISABLE_SECURITY_PLUGIN")) || IsYes(Value(env, "plugins.security.disabled"))))
        {
            return new("OpenSearch", 9200, "its security plugin is disabled, so there is no authentication");
        }
        return null;
    }

    private sealed record Exposure(ComposePosition At, string How);

    private static Exposure? Published(ComposeServiceDefinition s, int containerPort)
    {
        if (s.Get("network_mode") is { } mode && mode.Text() == "host") return new(mode.Position, "on the host network (every interface)");
        var port = s.Ports().FirstOrDefault(p => p.OnAllInterfaces && p.TargetPorts().Contains(containerPort));
        if (port is null) return null;
        return new(port.Position, $"on {port.HostPortDescription} on all interfaces");
    }

    private static Dictionary<string, string?> Environment(ComposeServiceDefinition s)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value, _) in s.Get("environment").EnvironmentPairs()) env[key.Trim()] = value;
        return env;
    }

    // A key listed without a value is passed through from the shell: set, but to something this file does not show.
    private static string? Value(IReadOnlyDictionary<string, string?> env, string key) => env.GetValueOrDefault(key);

    private static bool IsYes(string? value) => value?.Trim().Trim('"', '\'').ToLowerInvariant() is "yes" or "true" or "1";

    private static string CommandText(ComposeServiceDefinition s) => string.Join(' ', s.Get("command") switch
    {
        ComposeSequence seq => seq.Items.OfType<ComposeScalar>().Select(c => c.Value ?? ""),
        ComposeScalar one => [one.Value ?? ""],
        _ => [],
    });

    private static bool MountsConfigFile(ComposeServiceDefinition s) =>
        s.Get("volumes").Scalars().Any(v => v.Value is { } text && (text.Contains(".conf", StringComparison.Ordinal) || text.Contains(".yml", StringComparison.Ordinal)
                                                                     || text.Contains(".yaml", StringComparison.Ordinal)))
        || s.Get("configs") is not null;
}
