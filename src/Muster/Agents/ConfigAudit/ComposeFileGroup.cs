using Muster.Formats.Compose;

namespace Muster.Agents.ConfigAudit;

/// <summary>
/// The compose files of one folder (e.g. <c>docker-compose.yml</c> plus its override), which <c>docker compose</c>
/// merges. Each file is audited as written; rules about something missing (healthcheck, restart, limits) look at every
/// file's definition of a service before calling it absent, so an override that adds it is honoured.
/// </summary>
internal sealed class ComposeFileGroup(IReadOnlyList<ComposeAuditDocument> files)
{
    private const int MaxExtendsDepth = 8;

    public IReadOnlyList<ComposeAuditDocument> Files { get; } = files;

    /// <summary>The workspace's Dockerfiles by relative path, for what a service's <c>build:</c> produces.</summary>
    public IReadOnlyDictionary<string, DockerfileDocument> Dockerfiles { get; init; } = new Dictionary<string, DockerfileDocument>();

    /// <summary>
    /// The Dockerfile a service builds from (<c>build: DIR</c> or <c>build: {context, dockerfile}</c>, relative to the
    /// compose file) and the target stage, when that file is in the workspace; null otherwise.
    /// </summary>
    public (DockerfileDocument File, string? Target)? BuildOf(ComposeServiceDefinition service)
    {
        var build = service.Get("build");
        if (build is null) return null;
        var map = build as ComposeMapping;
        var context = (map is null ? build.Text() : map.Get("context").Text()) ?? ".";
        var dockerfile = map?.Get("dockerfile").Text() ?? "Dockerfile";
        if (context.Contains("://", StringComparison.Ordinal) || context.StartsWith("git@", StringComparison.Ordinal)) return null; // a remote context
        var composeFolder = System.IO.Path.GetDirectoryName(service.Path) ?? "";
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine("/", composeFolder, context, dockerfile));
        var relative = full.TrimStart('/');
        return Dockerfiles.TryGetValue(relative, out var file) ? (file, map?.Get("target").Text()) : null;
    }

    public IEnumerable<ComposeServiceDefinition> Services => Files.SelectMany(f => f.Services);

    /// <summary>Each service name with all of its definitions, in file order.</summary>
    public IEnumerable<IReadOnlyList<ComposeServiceDefinition>> ServiceGroups =>
        Services.GroupBy(s => s.Name, StringComparer.Ordinal).Select(g => (IReadOnlyList<ComposeServiceDefinition>)g.ToList());

    public IReadOnlySet<string> ServiceNames => Services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The definition a finding about the service points at: the one with an image or build, else the first.</summary>
    public static ComposeServiceDefinition Primary(IReadOnlyList<ComposeServiceDefinition> group) =>
        group.FirstOrDefault(s => s.Get("image") is not null || s.Get("build") is not null) ?? group[0];

    /// <summary>
    /// True when some definition satisfies <paramref name="present"/>, directly or through <c>extends</c>. An
    /// <c>extends</c> from another file cannot be checked here, so it also counts as present: the rule stays
    /// silent rather than report something it did not verify.
    /// </summary>
    public bool Has(IReadOnlyList<ComposeServiceDefinition> group, Func<ComposeServiceDefinition, bool> present, int depth = 0)
    {
        if (group.Any(present)) return true;
        if (depth > MaxExtendsDepth) return true;
        foreach (var service in group)
        {
            var extends = service.Get("extends");
            if (extends is null) continue;
            if (extends is ComposeMapping map && map.Get("file") is not null) return true;
            var baseName = extends is ComposeMapping m ? m.Get("service").Text() : extends.Text();
            if (baseName is null) return true;
            var baseGroup = Services.Where(s => s.Name == baseName).ToList();
            if (baseGroup.Count == 0 || Has(baseGroup, present, depth + 1)) return true;
        }
        return false;
    }
}
