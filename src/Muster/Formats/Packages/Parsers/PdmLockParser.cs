using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// pdm.lock: <c>[[package]]</c> entries with PEP 508 <c>dependencies</c>. Lock format 4.4 and later give each package
/// its <c>groups</c> (<c>default</c> is production, any other group development); older files are classified by
/// walking the dependencies from the sibling pyproject.toml's roots. VCS and local entries carry no version: they
/// are kept with their source as the range, so the inventory and SBOM show them.
/// </summary>
internal sealed class PdmLockParser : IManifestParser
{
    public bool Matches(string fileName) => fileName == "pdm.lock";

    public void Parse(ManifestFile file, ParseResult result)
    {
        var toml = TomlInput.Parse(file, result);
        if (toml is null) return;
        var graph = new LockGraph();
        var groups = new Dictionary<LockGraph.Node, List<string>>(ReferenceEqualityComparer.Instance);
        foreach (var (package, name, version, line) in PythonLockSources.Versioned(file, toml.Tables("package"), "pdm.lock", "A [[package]] entry has no name.", result))
        {
            var node = graph.Add(name, version, line, [Pep503.Normalize(name)]);
            foreach (var dependency in package.Strings("dependencies"))
            {
                if (Pep508Requirement.TryParse(dependency, out var requirement, out _)) node.DependencyKeys.Add(Pep503.Normalize(requirement.Name));
            }
            var packageGroups = package.Strings("groups").ToList();
            if (packageGroups.Count > 0) groups[node] = packageGroups;
        }
        graph.Classify(PythonLockRoots.FromSiblingPyproject(file));
        foreach (var node in graph.Nodes)
        {
            var record = PythonLockRoots.Record(file, node, "pdm.lock");
            if (groups.TryGetValue(node, out var packageGroups))
            {
                record = record with { Scope = packageGroups.Contains("default") ? DependencyScope.Production : DependencyScope.Development };
            }
            result.Packages.Add(record);
        }
    }
}
