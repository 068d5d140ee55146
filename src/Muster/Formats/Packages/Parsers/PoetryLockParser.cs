using Muster.Formats.Packages.Model;
using Tomlyn.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// poetry.lock: <c>[[package]]</c> entries. Poetry before 1.5 wrote <c>category = "dev"|"main"</c>; later versions
/// do not, so scope then comes from walking <c>[package.dependencies]</c> from the sibling pyproject.toml's roots.
/// </summary>
internal sealed class PoetryLockParser : IManifestParser
{
    public bool Matches(string fileName) => fileName == "poetry.lock";

    public void Parse(ManifestFile file, ParseResult result)
    {
        var toml = TomlInput.Parse(file, result);
        if (toml is null) return;
        var graph = new LockGraph();
        var categories = new Dictionary<LockGraph.Node, string>(ReferenceEqualityComparer.Instance);
        var metadataFiles = toml.Table("metadata", "files");
        var searchFrom = 0;
        foreach (var package in toml.Tables("package"))
        {
            var name = package.String("name");
            var version = package.String("version");
            var offset = file.Lines.OffsetOf($"name = \"{name}\"", searchFrom);
            searchFrom = offset;
            var line = file.Lines.LineOf(offset);
            if (name is null || version is null)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, line, "A [[package]] entry lacks name or version."));
                continue;
            }
            var node = graph.Add(name, version, line, [Pep503.Normalize(name)]);
            node.Distributions = PythonDistributions.FromPoetry(package, metadataFiles, name);
            if (package.Table("dependencies") is { } deps) node.DependencyKeys.AddRange(deps.Keys.Select(Pep503.Normalize));
            if (package.String("category") is { } category) categories[node] = category;
        }
        var roots = PythonLockRoots.FromSiblingPyproject(file);
        graph.Classify(roots);
        if (roots.Count > 0) result.Projects.Add(graph.Project(Ecosystem.PyPI, file.RelativePath, roots.Select(r => r.Name)));
        foreach (var node in graph.Nodes)
        {
            var record = PythonLockRoots.Record(file, node, "poetry.lock");
            if (categories.TryGetValue(node, out var category))
            {
                record = record with { Scope = category == "dev" ? DependencyScope.Development : DependencyScope.Production };
            }
            result.Packages.Add(record);
        }
    }
}
