using System.Text.RegularExpressions;
using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// PEP 751 lockfiles, <c>pylock.toml</c> and <c>pylock.NAME.toml</c>: <c>[[packages]]</c> with a name and, for index
/// packages, a version. Scope comes from the sibling pyproject.toml's roots walked through the optional
/// <c>dependencies</c> references, else from the entry's marker (<c>'dev' in dependency_groups</c> outside
/// <c>default-groups</c> is development, <c>'x' in extras</c> optional). VCS, directory and archive entries are kept
/// with their source as the range.
/// </summary>
internal sealed partial class PylockTomlParser : IManifestParser
{
    [GeneratedRegex(@"^pylock\.([A-Za-z0-9._-]+\.)?toml$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"'(?<name>[^']+)'\s+in\s+(?<what>dependency_groups|extras)")]
    private static partial Regex GroupMarker();

    public bool Matches(string fileName) => FileName().IsMatch(fileName);

    public void Parse(ManifestFile file, ParseResult result)
    {
        var toml = TomlInput.Parse(file, result);
        if (toml is null) return;
        var defaultGroups = toml.Strings("default-groups").ToHashSet(StringComparer.Ordinal);
        var graph = new LockGraph();
        var markers = new Dictionary<LockGraph.Node, string>(ReferenceEqualityComparer.Instance);
        foreach (var (package, name, version, line) in PythonLockSources.Versioned(file, toml.Tables("packages"), "pylock.toml", "A [[packages]] entry has no name (PEP 751 requires one).", result))
        {
            var node = graph.Add(name, version, line, [Pep503.Normalize(name)]);
            foreach (var dependency in package.Tables("dependencies"))
            {
                if (dependency.String("name") is { } dependencyName) node.DependencyKeys.Add(Pep503.Normalize(dependencyName));
            }
            if (package.String("marker") is { } marker) markers[node] = marker;
        }
        graph.Classify(PythonLockRoots.FromSiblingPyproject(file));
        foreach (var node in graph.Nodes)
        {
            var record = PythonLockRoots.Record(file, node, "pylock.toml");
            if (record.Scope == DependencyScope.Unknown && markers.TryGetValue(node, out var marker)) record = record with { Scope = ScopeOf(marker, defaultGroups) };
            result.Packages.Add(record);
        }
    }

    private static DependencyScope ScopeOf(string marker, IReadOnlySet<string> defaultGroups)
    {
        var groups = GroupMarker().Matches(marker).Select(m => (Name: m.Groups["name"].Value, What: m.Groups["what"].Value)).ToList();
        if (groups.Count == 0) return DependencyScope.Unknown;
        if (groups.Any(g => g.What == "dependency_groups" && defaultGroups.Contains(g.Name))) return DependencyScope.Production;
        return groups.All(g => g.What == "extras") ? DependencyScope.Optional : DependencyScope.Development;
    }
}
