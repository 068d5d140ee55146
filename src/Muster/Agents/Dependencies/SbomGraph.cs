using Muster.Formats.Packages.Model;

namespace Muster.Agents.Dependencies;

/// <summary>
/// What both SBOM formats write: one node per project (a folder with manifests), one per package, and the edges the
/// lockfiles record. A manifest's range is resolved through the lockfile beside it (or in a folder above, as npm
/// workspaces lock), so a direct dependency is one node with its locked version; a range no lockfile resolves stays
/// a node without a version. A project's edges are the ones its lockfile resolved when one did, else its manifests'
/// direct dependencies.
/// </summary>
internal sealed class SbomGraph
{
    public required SbomProject Root { get; init; }

    /// <summary>Projects other than <see cref="Root"/>.</summary>
    public required IReadOnlyList<SbomProject> Projects { get; init; }

    public required IReadOnlyList<SbomComponent> Components { get; init; }

    /// <summary>Every node's outgoing edges by reference (root, projects, components), in a stable order.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Edges { get; init; }

    /// <summary>The projects hung from <see cref="Root"/> because no other node depends on them: held, not depended on.</summary>
    public required IReadOnlySet<string> Hosted { get; init; }

    public int NodeCount => 1 + Projects.Count + Components.Count;

    public int EdgeCount => Edges.Values.Sum(e => e.Count);

    public static SbomGraph Build(DependencyInventory inventory, string rootName)
    {
        var records = inventory.Packages;
        var resolvedBy = ResolveManifestRecords(records);
        var projects = ProjectNodes(inventory, rootName);
        // A manifest's dependency on another project of the workspace (an npm workspace member, "*") is that project.
        var projectByName = projects.Where(p => p.Ecosystem is not null)
            .GroupBy(p => (p.Ecosystem!.Value, DependencyInventory.NameKey(p.Ecosystem.Value, p.Name)))
            .ToDictionary(g => g.Key, g => g.First().Ref);
        var toProject = records.Where(r => !r.FromLockfile && !resolvedBy.ContainsKey(r))
            .Select(r => (Record: r, Project: projectByName.GetValueOrDefault((r.Ecosystem, DependencyInventory.NameKey(r.Ecosystem, r.Name)))))
            .Where(x => x.Project is not null)
            .ToDictionary<(PackageRecord Record, string? Project), PackageRecord, string>(x => x.Record, x => x.Project!, ReferenceEqualityComparer.Instance);
        var components = records
            .Where(r => !resolvedBy.ContainsKey(r) && !toProject.ContainsKey(r))
            .GroupBy(ComponentRef)
            .Select(g => SbomComponent.Of(g.Key, [.. g]))
            .OrderBy(c => c.Ref, StringComparer.Ordinal)
            .ToList();
        var componentRefs = components.Select(c => c.Ref).ToHashSet(StringComparer.Ordinal);
        string RefOf(PackageRecord record) =>
            resolvedBy.TryGetValue(record, out var lockRecord) ? ComponentRef(lockRecord)
            : toProject.TryGetValue(record, out var project) ? project
            : ComponentRef(record);

        var projectByIdentity = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in projects.Where(p => p.Purl is not null)) projectByIdentity.TryAdd(p.Purl!, p.Ref);
        string? EdgeTarget(Ecosystem ecosystem, PackageRef target)
        {
            var purl = Purl.For(ecosystem, target.Name, target.Version);
            return componentRefs.Contains(purl) ? purl : projectByIdentity.GetValueOrDefault(purl);
        }

        var edges = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        // A lockfile that resolved its projects' direct dependencies gives their edges; its entries' own direct flags are
        // not per project (an npm workspace lockfile flags every member's dependencies).
        var lockfilesWithProjects = inventory.Projects.Where(p => p.FromLockfile).Select(p => p.ManifestPath).ToHashSet(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            var targets = new List<string>();
            foreach (var locked in inventory.Projects.Where(p => p.FromLockfile && ProjectFolder(p.ManifestPath) == project.Folder))
            {
                targets.AddRange(locked.DependsOn.Select(d => EdgeTarget(locked.Ecosystem, d)).OfType<string>());
            }
            targets.AddRange(records
                .Where(r => r.Direct && ProjectFolder(r.ManifestPath) == project.Folder && !lockfilesWithProjects.Contains(r.ManifestPath))
                .Select(RefOf));
            edges[project.Ref] = Distinct(targets, project.Ref);
        }
        foreach (var component in components)
        {
            edges[component.Ref] = Distinct(component.Records.SelectMany(r => r.DependsOn.Select(d => EdgeTarget(r.Ecosystem, d))).OfType<string>(), component.Ref);
        }

        // The audited folder is the root: its own project when it is one, else a node for the workspace. Projects no
        // other project depends on hang from it, each with its own dependencies: several projects are never merged.
        var root = projects.FirstOrDefault(p => p.Folder.Length == 0) ?? new SbomProject("root", "", rootName, null, null, null, [], null);
        var others = projects.Where(p => p != root).ToList();
        var referenced = edges.Where(e => e.Key != root.Ref).SelectMany(e => e.Value).ToHashSet(StringComparer.Ordinal);
        var rootEdges = edges.GetValueOrDefault(root.Ref) ?? [];
        var hosted = others.Where(p => !referenced.Contains(p.Ref) && !rootEdges.Contains(p.Ref)).Select(p => p.Ref).ToHashSet(StringComparer.Ordinal);
        edges[root.Ref] = Distinct([.. rootEdges, .. hosted.Order(StringComparer.Ordinal)], root.Ref);
        return new SbomGraph { Root = root, Projects = others, Components = components, Edges = edges, Hosted = hosted };
    }

    /// <summary>The reference of a package's node: its purl, or purl plus range when no version is known.</summary>
    public static string ComponentRef(PackageRecord record) => record.Version is not null
        ? Purl.For(record.Ecosystem, record.Name, record.Version)
        : Purl.For(record.Ecosystem, record.Name, null) + "#range=" + record.Range;

    /// <summary>The folder a manifest belongs to; NuGet's obj/project.assets.json belongs to the project above obj/.</summary>
    public static string ProjectFolder(string manifestPath)
    {
        var folder = DependencyInventory.Folder(manifestPath);
        if (!manifestPath.EndsWith("project.assets.json", StringComparison.Ordinal)) return folder;
        if (folder == "obj") return "";
        return folder.EndsWith("/obj", StringComparison.Ordinal) ? folder[..^4] : folder;
    }

    /// <summary>
    /// Manifest records (package.json, pyproject.toml, .csproj) a lockfile resolves: the lockfile entry of that name in
    /// the manifest's folder or the nearest folder above, a direct one first. A pinned version the lockfile does not
    /// hold is a different claim and stays its own node.
    /// </summary>
    private static Dictionary<PackageRecord, PackageRecord> ResolveManifestRecords(IReadOnlyList<PackageRecord> records)
    {
        var locked = records.Where(r => r.FromLockfile && r.Version is not null)
            .ToLookup(r => (ProjectFolder(r.ManifestPath), r.Ecosystem, DependencyInventory.NameKey(r.Ecosystem, r.Name)));
        var resolved = new Dictionary<PackageRecord, PackageRecord>(ReferenceEqualityComparer.Instance);
        foreach (var record in records.Where(r => !r.FromLockfile))
        {
            var name = DependencyInventory.NameKey(record.Ecosystem, record.Name);
            foreach (var folder in DependencyInventory.FolderAndAncestors(ProjectFolder(record.ManifestPath)))
            {
                var candidates = locked[(folder, record.Ecosystem, name)]
                    .Where(l => record.Version is null || l.Version == record.Version)
                    .OrderBy(l => l.Direct ? 0 : 1).ThenBy(l => l.Line).ToList();
                if (candidates.Count == 0) continue;
                resolved[record] = candidates[0];
                break;
            }
        }
        return resolved;
    }

    private static List<SbomProject> ProjectNodes(DependencyInventory inventory, string rootName)
    {
        var folders = inventory.Packages.Select(r => ProjectFolder(r.ManifestPath))
            .Concat(inventory.Projects.Select(p => ProjectFolder(p.ManifestPath)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var projects = new List<SbomProject>();
        foreach (var folder in folders)
        {
            // A manifest's own name wins over a lockfile's copy of it; npm, then PyPI, then NuGet when several name it.
            var described = inventory.Projects.Where(p => ProjectFolder(p.ManifestPath) == folder)
                .OrderBy(p => p.FromLockfile ? 1 : 0).ThenBy(p => p.Ecosystem).ToList();
            var named = described.FirstOrDefault(p => p.Name is not null);
            var name = named?.Name ?? (folder.Length == 0 ? rootName : folder[(folder.LastIndexOf('/') + 1)..]);
            var version = named is null ? null : described.FirstOrDefault(p => p.Ecosystem == named.Ecosystem && p.Name == named.Name && p.Version is not null)?.Version;
            var purl = named is null ? null : Purl.For(named.Ecosystem, named.Name!, version);
            var manifests = described.Select(p => p.ManifestPath)
                .Concat(inventory.Packages.Where(r => ProjectFolder(r.ManifestPath) == folder).Select(r => r.ManifestPath))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            projects.Add(new SbomProject("project:" + (folder.Length == 0 ? "." : folder), folder, name, version, purl,
                described.Select(p => p.License).FirstOrDefault(l => l is not null), manifests, named?.Ecosystem));
        }
        return projects;
    }

    private static List<string> Distinct(IEnumerable<string> refs, string self) =>
        [.. refs.Where(r => r != self).Distinct(StringComparer.Ordinal)];
}

/// <summary>A project node: a folder with manifests, named by the manifest that names it.</summary>
internal sealed record SbomProject(string Ref, string Folder, string Name, string? Version, string? Purl, string? License, IReadOnlyList<string> Manifests, Ecosystem? Ecosystem);

/// <summary>A package node and the records (one per manifest or lockfile entry) it stands for.</summary>
internal sealed record SbomComponent(string Ref, IReadOnlyList<PackageRecord> Records, string? Scope, IReadOnlyList<PackageHash> Hashes, string? License)
{
    /// <summary>The files a Python lockfile pins for the package, each with its digest.</summary>
    public IReadOnlyList<PackageDistribution> Distributions { get; init; } = [];

    public PackageRecord Record => Records[0];

    public bool Direct => Records.Any(r => r.Direct);

    public string Purl => Dependencies.Purl.For(Record.Ecosystem, Record.Name, Record.Version);

    public static SbomComponent Of(string reference, IReadOnlyList<PackageRecord> records)
    {
        var scopes = records.Select(p => p.Scope).ToList();
        // CycloneDX's scope: "required" ships with the application, "optional" does not (dev and optional).
        string? scope = scopes.Contains(DependencyScope.Production) ? "required"
            : scopes.Contains(DependencyScope.Unknown) ? null
            : "optional";
        var hashes = records.SelectMany(r => r.Hashes).DistinctBy(h => h.Algorithm).OrderBy(h => h.Algorithm).ToList();
        return new SbomComponent(reference, records, scope, hashes, records.Select(r => r.License).FirstOrDefault(l => l is not null))
        {
            Distributions = [.. records.SelectMany(r => r.Distributions).DistinctBy(d => d.Location)],
        };
    }
}
