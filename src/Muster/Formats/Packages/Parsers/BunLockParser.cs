using System.Text.Json;
using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// bun.lock (Bun 1.2+, JSON with trailing commas). <c>packages</c> maps a key (the package name, or a path of names
/// such as <c>parent/child</c> for a copy nested under another) to <c>["name@version", registry, {dependencies…},
/// integrity]</c>; the identifier names the real package, so an alias is inventoried under the package it installs.
/// Workspace, file and link entries are the project's own code and are not inventoried; git and tarball entries are
/// kept with their source as the range. Scope comes from walking the <c>workspaces</c>' dependency sections, resolving
/// each name as Bun does: nested under the dependent first, then one level up, then hoisted.
/// </summary>
internal sealed class BunLockParser : IManifestParser
{
    private static readonly (string Section, DependencyScope Scope)[] Sections =
    [
        ("dependencies", DependencyScope.Production),
        ("peerDependencies", DependencyScope.Production),
        ("optionalDependencies", DependencyScope.Optional),
        ("devDependencies", DependencyScope.Development),
    ];

    public bool Matches(string fileName) => fileName == "bun.lock";

    public void Parse(ManifestFile file, ParseResult result)
    {
        using var doc = JsonInput.Parse(file, result);
        if (doc is null) return;
        var graph = new LockGraph();
        var dependenciesOf = new List<(LockGraph.Node Node, string Key, List<string> Names)>();
        var unversioned = new List<PackageRecord>();
        // Entries come in file order: each search starts where the previous one ended.
        var from = file.Lines.OffsetOf("\"packages\"");
        foreach (var entry in doc.RootElement.ObjectProperties("packages"))
        {
            var at = file.Lines.OffsetOf($"\"{entry.Name}\": [", from);
            from = Math.Max(from, at);
            var line = file.Lines.LineOf(at);
            if (entry.Value.ValueKind != JsonValueKind.Array || entry.Value.GetArrayLength() == 0 || entry.Value[0].ValueKind != JsonValueKind.String)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"Package '{entry.Name}' is not a [\"name@version\", …] entry."));
                continue;
            }
            var identifier = entry.Value[0].GetString()!;
            var separator = identifier.IndexOf('@', 1);
            var name = separator > 0 ? identifier[..separator] : identifier;
            var source = separator > 0 ? identifier[(separator + 1)..] : "";
            if (source.StartsWith("npm:", StringComparison.Ordinal)) source = source[4..];
            if (source.StartsWith("workspace:", StringComparison.Ordinal) || source.StartsWith("file:", StringComparison.Ordinal) ||
                source.StartsWith("link:", StringComparison.Ordinal) || source.StartsWith("root:", StringComparison.Ordinal)) continue;
            if (source.Length == 0 || !char.IsAsciiDigit(source[0]))
            {
                unversioned.Add(new PackageRecord
                {
                    Ecosystem = Ecosystem.Npm,
                    Name = name,
                    Range = source.Length == 0 ? "unversioned" : source,
                    ManifestPath = file.RelativePath,
                    Line = line,
                    ManifestKind = "bun.lock",
                    FromLockfile = true,
                });
                continue;
            }
            var node = graph.Add(name, source, line, [entry.Name]);
            var names = new List<string>();
            var meta = entry.Value.EnumerateArray().FirstOrDefault(e => e.ValueKind == JsonValueKind.Object);
            foreach (var section in new[] { "dependencies", "optionalDependencies", "peerDependencies" })
            {
                names.AddRange(meta.ObjectProperties(section).Select(p => p.Name));
            }
            dependenciesOf.Add((node, entry.Name, names));
        }
        foreach (var (node, key, names) in dependenciesOf)
        {
            foreach (var dependency in names)
            {
                if (Resolve(graph, key, dependency) is { } resolved) node.DependencyKeys.Add(resolved);
            }
        }

        var roots = new List<(string, DependencyScope)>();
        foreach (var workspace in doc.RootElement.ObjectProperties("workspaces"))
        {
            var workspaceName = workspace.Value.GetString("name");
            foreach (var (section, scope) in Sections)
            {
                foreach (var dependency in workspace.Value.ObjectProperties(section))
                {
                    var nested = workspaceName is null ? null : workspaceName + "/" + dependency.Name;
                    roots.Add((nested is not null && graph.Find(nested) is not null ? nested : dependency.Name, scope));
                }
            }
        }
        graph.Classify(roots);
        var kind = doc.RootElement.TryGetProperty("lockfileVersion", out var version) ? $"bun.lock v{version}" : "bun.lock";
        foreach (var node in graph.Nodes) result.Packages.Add(node.ToRecord(Ecosystem.Npm, file, kind));
        result.Packages.AddRange(unversioned.Select(r => r with { ManifestKind = kind }));
    }

    /// <summary>The key Bun installs <paramref name="name"/> from for the package at <paramref name="key"/>: nested first, hoisted last.</summary>
    private static string? Resolve(LockGraph graph, string key, string name)
    {
        var path = Segments(key);
        for (var depth = path.Count; depth > 0; depth--)
        {
            var candidate = string.Join('/', path.Take(depth)) + "/" + name;
            if (graph.Find(candidate) is not null) return candidate;
        }
        return graph.Find(name) is not null ? name : null;
    }

    // "@ai-sdk/react/swr" is the package "@ai-sdk/react" then "swr": a scope and its name are one segment.
    private static List<string> Segments(string key)
    {
        var parts = key.Split('/');
        var segments = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].StartsWith('@') && i + 1 < parts.Length) segments.Add(parts[i] + "/" + parts[++i]);
            else segments.Add(parts[i]);
        }
        return segments;
    }
}
