namespace Muster.Formats.Compose;

/// <summary>
/// The result of loading one or more compose files as <c>docker compose -f a -f b</c> would. Never thrown away on
/// errors: <see cref="Diagnostics"/> says what could not be read and where; <see cref="Services"/> holds what could.
/// </summary>
public sealed record ComposeProject
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> Files { get; init; }
    public IReadOnlyList<ComposeService> Services { get; init; } = [];
    public IReadOnlyList<string> Networks { get; init; } = [];
    public IReadOnlyList<string> Volumes { get; init; } = [];
    public IReadOnlyList<string> Secrets { get; init; } = [];
    public IReadOnlyList<ComposeDiagnostic> Diagnostics { get; init; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.Level == ComposeDiagnosticLevel.Error);

    public ComposeService? Service(string name) => Services.FirstOrDefault(s => s.Name == name);

    /// <summary>Services <c>docker compose up</c> starts with these profiles enabled (COMPOSE_PROFILES / --profile).</summary>
    public IReadOnlyList<ComposeService> ActiveServices(IReadOnlyCollection<string> enabledProfiles) =>
        Services.Where(s => s.IsActive(enabledProfiles)).ToList();
}
