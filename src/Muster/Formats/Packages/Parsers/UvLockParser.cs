using Muster.Formats.Packages.Model;
using Tomlyn.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// uv.lock: <c>[[package]]</c> entries with <c>dependencies = [{ name = ... }]</c>. The workspace's own packages
/// (source <c>editable</c> or <c>virtual</c>) are the roots: their dependencies are production, optional-dependencies
/// optional, dev-dependencies development; the roots themselves are not inventoried.
/// </summary>
internal sealed class UvLockParser : IManifestParser
{
    public bool Matches(string fileName) => fileName == "uv.lock";

    public void Parse(ManifestFile file, ParseResult result)
    {
        var toml = TomlInput.Parse(file, result);
        if (toml is null) return;
        var graph = new LockGraph();
        var roots = new List<(string, DependencyScope)>();
        var projects = new List<(string Name, string? Version, string Manifest, List<string> Keys)>();
        var searchFrom = 0;
        foreach (var package in toml.Tables("package"))
        {
            var name = package.String("name");
            var offset = file.Lines.OffsetOf($"name = \"{name}\"", searchFrom);
            searchFrom = offset;
            var line = file.Lines.LineOf(offset);
            if (name is null)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, line, "A [[package]] entry lacks a name."));
                continue;
            }
            var source = package.Table("source");
            var isProject = source is not null && (source.ContainsKey("editable") || source.ContainsKey("virtual"));
            if (isProject)
            {
                var first = roots.Count;
                roots.AddRange(Names(package.Tables("dependencies")).Select(n => (n, DependencyScope.Production)));
                foreach (var group in GroupLists(package.Table("optional-dependencies"))) roots.AddRange(Names(group).Select(n => (n, DependencyScope.Optional)));
                foreach (var group in GroupLists(package.Table("dev-dependencies"))) roots.AddRange(Names(group).Select(n => (n, DependencyScope.Development)));
                var folder = source!.String("editable") ?? source!.String("virtual") ?? ".";
                projects.Add((name, package.String("version"), ProjectManifest(file.RelativePath, folder), [.. roots.Skip(first).Select(r => r.Item1)]));
                continue;
            }
            var version = package.String("version");
            if (version is null)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"Package '{name}' has no version."));
                continue;
            }
            var node = graph.Add(name, version, line, [Pep503.Normalize(name)]);
            node.Distributions = PythonDistributions.FromUv(package);
            node.DependencyKeys.AddRange(Names(package.Tables("dependencies")));
            foreach (var group in GroupLists(package.Table("optional-dependencies"))) node.DependencyKeys.AddRange(Names(group));
        }
        graph.Classify(roots);
        foreach (var (name, version, manifest, keys) in projects) result.Projects.Add(graph.Project(Ecosystem.PyPI, manifest, keys, name, version));
        foreach (var node in graph.Nodes) result.Packages.Add(PythonLockRoots.Record(file, node, "uv.lock"));
    }

    // A workspace member's source is its folder relative to the lockfile's ("." for the lockfile's own project).
    private static string ProjectManifest(string lockfilePath, string folder)
    {
        if (folder is "." or "") return lockfilePath;
        var slash = lockfilePath.LastIndexOf('/');
        return (slash < 0 ? "" : lockfilePath[..(slash + 1)]) + folder.TrimEnd('/') + "/pyproject.toml";
    }

    private static IEnumerable<string> Names(IEnumerable<TomlTable> entries) =>
        entries.Select(e => e.String("name")).OfType<string>().Select(Pep503.Normalize);

    private static IEnumerable<IEnumerable<TomlTable>> GroupLists(TomlTable? groups) =>
        groups is null ? [] : groups.Values.Select(v => v is TomlArray a ? a.OfType<TomlTable>() : v as TomlTableArray ?? (IEnumerable<TomlTable>)[]);
}
