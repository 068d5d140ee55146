namespace Muster.Agents.InfraState.Probes;

/// <summary>
/// Where to look for a container engine, in the docker CLI's order: an explicit setting, then <c>DOCKER_HOST</c>, then
/// the default docker socket and podman's rootless and rootful sockets.
/// </summary>
public static class DockerEndpoints
{
    public static IReadOnlyList<Uri> Candidates(string? configured, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return [Parse(configured)];
        if (environment("DOCKER_HOST") is { Length: > 0 } host) return [Parse(host)];
        var result = new List<Uri> { new("unix:///var/run/docker.sock") };
        if (environment("XDG_RUNTIME_DIR") is { Length: > 0 } runtime) result.Add(new Uri("unix://" + Path.Combine(runtime, "podman", "podman.sock")));
        result.Add(new Uri("unix:///run/podman/podman.sock"));
        return result;
    }

    /// <summary>Accepts <c>unix:///path</c>, <c>tcp://host:port</c>, <c>http(s)://host:port</c> and a bare socket path.</summary>
    public static Uri Parse(string value)
    {
        var text = value.Trim();
        if (text.StartsWith('/')) return new Uri("unix://" + text);
        if (text.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase)) text = "http://" + text[6..];
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "unix" or "http" or "https"
            ? uri
            : throw new AgentSettingsException($"docker host '{value}' must be unix:///path/to.sock or tcp://host:port");
    }
}
