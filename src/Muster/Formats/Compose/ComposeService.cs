namespace Muster.Formats.Compose;

/// <summary>
/// One service after interpolation, <c>extends</c>, <c>include</c> and multi-file merging. <see cref="Raw"/> keeps the
/// merged tree (with positions) for checks that need keys this model does not name (privileged, cap_add, ...).
/// </summary>
public sealed record ComposeService
{
    public required string Name { get; init; }
    public required ComposePosition Position { get; init; }
    public required ComposeMapping Raw { get; init; }
    public string? Image { get; init; }
    public ComposeBuild? Build { get; init; }
    public string? ContainerName { get; init; }
    public IReadOnlyList<ComposePort> Ports { get; init; } = [];
    public IReadOnlyList<string> Expose { get; init; } = [];

    /// <summary>Variables set on the container; a null value means "taken from the environment" and was not set there.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public IReadOnlyList<string> EnvFiles { get; init; } = [];
    public ComposeHealthcheck? Healthcheck { get; init; }
    public string? Restart { get; init; }

    /// <summary>Dependency name → condition (<c>service_started</c> when written as a list).</summary>
    public IReadOnlyDictionary<string, string> DependsOn { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Profiles { get; init; } = [];
    public IReadOnlyList<string> Networks { get; init; } = [];
    public string? NetworkMode { get; init; }
    public IReadOnlyList<string> Volumes { get; init; } = [];
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary><c>deploy.replicas</c> (or the legacy <c>scale</c>); null when not given, which means one container.</summary>
    public int? Replicas { get; init; }

    /// <summary>Whether <c>docker compose up</c> starts this service with the given profiles enabled.</summary>
    public bool IsActive(IReadOnlyCollection<string> enabledProfiles) =>
        Profiles.Count == 0 || enabledProfiles.Contains("*") || Profiles.Any(enabledProfiles.Contains);

    /// <summary>How many containers <c>up</c> should leave running for this service.</summary>
    public int ExpectedContainers => Replicas ?? 1;
}
