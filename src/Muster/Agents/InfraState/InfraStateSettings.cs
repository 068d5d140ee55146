using Muster.Agents.InfraState.Probes;
using Muster.Formats.Markdown;
using Muster.Formats.Services;

namespace Muster.Agents.InfraState;

/// <summary>The infra-state agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs.</summary>
internal sealed record InfraStateSettings
{
    public static readonly IReadOnlyList<SettingDoc> Docs =
    [
        new("documents", SettingType.Globs, null, "Globs of the status documents whose claims are checked.") { Unset = "`" + string.Join("`, `", InfraInputs.DefaultDocuments) + "`" },
        new("compose", SettingType.Texts, null, "Compose projects, each a comma-separated list of files merged like `-f a.yml -f b.yml`.") { Unset = "the manifest's, else every compose file found (one project per folder)" },
        new("profiles", SettingType.Names, null, "Compose profiles enabled where the stack runs.") { Unset = "the manifest's, else `COMPOSE_PROFILES`" },
        new("docker-host", new SettingType("engine endpoint (`unix:///path.sock`, `tcp://host:port`)", "unix:///var/run/docker.sock", "ftp://host"), null, "The container engine to ask.") { Unset = "`DOCKER_HOST`, else the default sockets" },
        new("engine", SettingType.Flag, "true", "`false`: no engine is contacted (claims that need it are UNVERIFIED)."),
        new("engine-timeout", SettingType.Duration, "5s", "Bound for each call to the container engine."),
        new("probe-timeout", SettingType.Duration, "3s", "Bound for each probe of a service the manifest declares, and for each TCP probe of an nginx proxy target on loopback."),
        new("services-file", SettingType.Path, ServiceManifest.FileName, "The services manifest, relative to the root."),
        new("tls-warn-days", SettingType.WholeNumber(min: 0), "14", "An https probe's certificate expiring within this many days is `MUSTER-INFRA-TLS-EXPIRING`."),
        new("nginx", SettingType.Flag, "true", "`false`: nginx proxy targets are not read."),
        new(StatusDocuments.MaxBytesSetting, SettingType.WholeNumber(min: 1), $"{StatusDocuments.MaxBytes}", "Larger status documents are not read: an INFO finding, and their claims are unverified."),
    ];

    /// <summary>Globs of status documents; empty: <see cref="InfraInputs.DefaultDocuments"/>.</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>Compose projects, each a comma-separated list of files read as given; empty: the manifest's, else those found.</summary>
    public IReadOnlyList<string> Compose { get; init; } = [];

    /// <summary>Compose profiles; empty: the manifest's, else COMPOSE_PROFILES.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>The engine's endpoint (checked by <see cref="DockerEndpoints.Parse"/>); null: DOCKER_HOST, else the default sockets.</summary>
    public string? DockerHost { get; init; }
    public bool Engine { get; init; } = true;
    public TimeSpan EngineTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(3);
    public string ServicesFile { get; init; } = ServiceManifest.FileName;
    public int TlsWarnDays { get; init; } = 14;
    public bool Nginx { get; init; } = true;
    public int MaxDocumentBytes { get; init; } = (int)StatusDocuments.MaxBytes;

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range, or a docker host that is not an endpoint.</exception>
    public static InfraStateSettings From(AgentSettings s) => new()
    {
        Documents = s.GetStringList("documents"),
        Compose = s.GetStringList("compose"),
        Profiles = s.GetStringList("profiles"),
        DockerHost = CheckedDockerHost(s),
        Engine = s.GetBool("engine", true),
        EngineTimeout = s.GetDuration("engine-timeout", TimeSpan.FromSeconds(5), min: TimeSpan.FromMilliseconds(1)),
        ProbeTimeout = s.GetDuration("probe-timeout", TimeSpan.FromSeconds(3), min: TimeSpan.FromMilliseconds(1)),
        ServicesFile = s.GetString("services-file", ServiceManifest.FileName)!,
        TlsWarnDays = s.GetInt("tls-warn-days", 14, min: 0),
        Nginx = s.GetBool("nginx", true),
        MaxDocumentBytes = s.GetInt(StatusDocuments.MaxBytesSetting, (int)StatusDocuments.MaxBytes, min: 1),
    };

    private static string? CheckedDockerHost(AgentSettings s)
    {
        if (s.GetString("docker-host") is not { } host || string.IsNullOrWhiteSpace(host)) return null;
        try
        {
            _ = DockerEndpoints.Parse(host);
        }
        catch (AgentSettingsException e)
        {
            throw new AgentSettingsException("setting 'docker-host': " + e.Message) { Key = "docker-host" };
        }
        return host;
    }
}
