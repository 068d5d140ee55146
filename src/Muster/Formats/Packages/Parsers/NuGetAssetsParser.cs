using System.Text.Json;
using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// What NuGet resolved, in the two files that record it: <c>*.deps.json</c> (beside a built or published app) and
/// <c>obj/project.assets.json</c> (written by restore; read for each project file, since <c>obj/</c> is not walked).
/// Both list <c>libraries</c> keyed <c>Name/Version</c> with a <c>type</c>; only <c>package</c> entries are NuGet
/// packages (<c>project</c> and <c>reference</c> are the solution's own code and framework assemblies). Direct
/// dependencies are the project's own: <c>project.frameworks.*.dependencies</c> in an assets file, the dependencies of
/// the <c>project</c> entry of the targets in a deps file.
/// </summary>
internal sealed class NuGetAssetsParser : IManifestParser
{
    public const string AssetsFile = "project.assets.json";

    public bool Matches(string fileName) => fileName.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase) || fileName == AssetsFile;

    public void Parse(ManifestFile file, ParseResult result)
    {
        using var doc = JsonInput.Parse(file, result);
        if (doc is null) return;
        var assets = file.FileName == AssetsFile;
        var direct = assets ? AssetsDirect(doc.RootElement) : DepsDirect(doc.RootElement);
        var kind = assets ? AssetsFile : "deps.json";
        // Libraries come in file order: each search starts where the previous one ended.
        var from = file.Lines.OffsetOf("\"libraries\"");
        foreach (var library in doc.RootElement.ObjectProperties("libraries"))
        {
            var at = file.Lines.OffsetOf($"\"{library.Name}\"", from);
            from = Math.Max(from, at);
            var line = file.Lines.LineOf(at);
            if (!string.Equals(library.Value.GetString("type"), "package", StringComparison.OrdinalIgnoreCase)) continue;
            var slash = library.Name.LastIndexOf('/');
            if (slash <= 0 || slash == library.Name.Length - 1)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"Library '{library.Name}' is not Name/Version."));
                continue;
            }
            var name = library.Name[..slash];
            result.Packages.Add(new PackageRecord
            {
                Ecosystem = Ecosystem.NuGet,
                Name = name,
                Version = library.Name[(slash + 1)..],
                Direct = direct.Contains(name),
                Scope = DependencyScope.Production,
                ManifestPath = file.RelativePath,
                Line = line,
                ManifestKind = kind,
                FromLockfile = true,
            });
        }
    }

    private static HashSet<string> AssetsDirect(JsonElement root)
    {
        var direct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("project", out var project))
        {
            foreach (var framework in project.ObjectProperties("frameworks"))
            {
                direct.UnionWith(framework.Value.ObjectProperties("dependencies").Select(d => d.Name));
            }
        }
        return direct;
    }

    private static HashSet<string> DepsDirect(JsonElement root)
    {
        var projects = root.ObjectProperties("libraries")
            .Where(l => string.Equals(l.Value.GetString("type"), "project", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var direct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in root.ObjectProperties("targets"))
        {
            foreach (var entry in target.Value.EnumerateObject().Where(e => projects.Contains(e.Name)))
            {
                direct.UnionWith(entry.Value.ObjectProperties("dependencies").Select(d => d.Name));
            }
        }
        return direct;
    }
}
