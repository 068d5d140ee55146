namespace Muster.Agents.ConfigAudit;

/// <summary>
/// Official images whose own Dockerfile ends with a non-root <c>USER</c>, so a Dockerfile built on them that sets no
/// USER does not run as root. Only images whose default user was checked in their upstream Dockerfile belong here: a
/// wrong entry hides a root container.
/// </summary>
internal static class NonRootBaseImages
{
    // Repository names without registry or tag: Elastic's images (also Docker Hub's official elasticsearch, kibana and
    // logstash, built from Elastic's Dockerfiles) run as uid 1000 (elasticsearch, kibana, logstash,
    // beats, elastic-agent); Grafana Labs' as 472/10001; Prometheus' as nobody; n8n as node; Jupyter's docker-stacks
    // as jovyan; Keycloak as 1000; nginx-unprivileged as 101.
    private static readonly string[] Exact =
    [
        "elasticsearch", "kibana", "logstash", "elasticsearch/elasticsearch", "kibana/kibana", "logstash/logstash", "beats/filebeat", "beats/metricbeat",
        "beats/heartbeat", "beats/packetbeat", "beats/auditbeat", "beats/elastic-agent", "elastic-agent/elastic-agent",
        "grafana/grafana", "grafana/grafana-oss", "grafana/grafana-enterprise", "grafana/loki", "grafana/tempo",
        "grafana/mimir", "n8nio/n8n", "keycloak/keycloak", "nginxinc/nginx-unprivileged",
    ];

    private static readonly string[] Prefixes = ["prom/", "jupyter/"];

    public static bool Contains(string image)
    {
        var name = StripTagAndDigest(image).ToLowerInvariant();
        name = StripRegistry(name);
        return Exact.Contains(name, StringComparer.Ordinal) || Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
    }

    private static string StripTagAndDigest(string image)
    {
        var at = image.IndexOf('@');
        if (at >= 0) image = image[..at];
        // The tag starts at the first colon of the last path segment: it may itself hold ${VERSION:-9.5.1}.
        var slash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', slash + 1);
        return colon >= 0 ? image[..colon] : image;
    }

    // docker.elastic.co/elasticsearch/elasticsearch, quay.io/keycloak/keycloak, docker.io/grafana/grafana
    private static string StripRegistry(string name)
    {
        var slash = name.IndexOf('/');
        if (slash < 0) return name;
        var first = name[..slash];
        var isRegistry = first.Contains('.') || first.Contains(':') || first == "localhost";
        name = isRegistry ? name[(slash + 1)..] : name;
        return name.StartsWith("library/", StringComparison.Ordinal) ? name["library/".Length..] : name;
    }
}
