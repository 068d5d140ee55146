using System.Text.Json;
using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>
/// package-lock.json and npm-shrinkwrap.json. v2/v3 read the <c>packages</c> map (keys are install paths; the root
/// entry "" lists direct dependencies); v1 walks the nested <c>dependencies</c> tree. Dev/optional come from the
/// lock's own flags; direct means installed at the top level and declared by the root or a workspace package.
/// </summary>
internal sealed class PackageLockParser : IManifestParser
{
    private const string NodeModules = "node_modules/";

    public bool Matches(string fileName) => fileName is "package-lock.json" or "npm-shrinkwrap.json";

    public void Parse(ManifestFile file, ParseResult result)
    {
        using var doc = JsonInput.Parse(file, result);
        if (doc is null) return;
        var root = doc.RootElement;
        var lockVersion = root.TryGetProperty("lockfileVersion", out var lv) && lv.ValueKind == JsonValueKind.Number ? lv.GetInt32() : 1;
        var kind = $"{file.FileName} v{lockVersion}";
        if (root.TryGetProperty("packages", out var packages) && packages.ValueKind == JsonValueKind.Object)
        {
            ParsePackages(file, packages, kind, result);
        }
        else if (root.TryGetProperty("dependencies", out var deps) && deps.ValueKind == JsonValueKind.Object)
        {
            var declared = DirectNamesFromSibling(file);
            ParseV1(file, deps, kind, declared, topLevel: true, result);
        }
        else
        {
            result.Problems.Add(new ManifestProblem(file.RelativePath, 1, "Lockfile has neither 'packages' nor 'dependencies'."));
        }
    }

    private static void ParsePackages(ManifestFile file, JsonElement packages, string kind, ParseResult result)
    {
        var direct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in packages.EnumerateObject())
        {
            if (entry.Name.Contains(NodeModules, StringComparison.Ordinal)) continue;
            // The root ("") and workspace folders: their declared dependencies are the direct ones.
            foreach (var section in new[] { "dependencies", "devDependencies", "optionalDependencies" })
            {
                foreach (var dep in entry.Value.ObjectProperties(section)) direct.Add(dep.Name);
            }
        }
        foreach (var entry in packages.EnumerateObject())
        {
            var at = entry.Name.LastIndexOf(NodeModules, StringComparison.Ordinal);
            if (at < 0) continue;
            var value = entry.Value;
            if (value.GetFlag("link")) continue;
            var name = value.GetString("name") ?? entry.Name[(at + NodeModules.Length)..];
            var version = value.GetString("version");
            var line = file.Lines.Find($"\"{entry.Name}\"");
            if (version is null)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"Entry '{entry.Name}' has no version."));
                continue;
            }
            var scope = value.GetFlag("dev") ? DependencyScope.Development
                : value.GetFlag("devOptional") ? DependencyScope.Development
                : value.GetFlag("optional") ? DependencyScope.Optional
                : DependencyScope.Production;
            var topLevel = entry.Name.StartsWith(NodeModules, StringComparison.Ordinal) && entry.Name.IndexOf(NodeModules, NodeModules.Length, StringComparison.Ordinal) < 0;
            result.Packages.Add(new PackageRecord
            {
                Ecosystem = Ecosystem.Npm,
                Name = name,
                Version = version,
                Direct = topLevel && direct.Contains(entry.Name[NodeModules.Length..]),
                Scope = scope,
                ManifestPath = file.RelativePath,
                Line = line,
                ManifestKind = kind,
                FromLockfile = true,
            });
        }
    }

    private static void ParseV1(ManifestFile file, JsonElement deps, string kind, HashSet<string> declared, bool topLevel, ParseResult result)
    {
        foreach (var dep in deps.EnumerateObject())
        {
            var value = dep.Value;
            var version = value.GetString("version");
            var line = file.Lines.Find($"\"{dep.Name}\": {{");
            if (version is null)
            {
                result.Problems.Add(new ManifestProblem(file.RelativePath, line, $"Dependency '{dep.Name}' has no version."));
                continue;
            }
            var (name, resolvedVersion) = version.StartsWith("npm:", StringComparison.Ordinal)
                ? PackageJsonParser.ResolveAlias(dep.Name, version)
                : (dep.Name, version);
            result.Packages.Add(new PackageRecord
            {
                Ecosystem = Ecosystem.Npm,
                Name = name,
                Version = resolvedVersion,
                Direct = topLevel && declared.Contains(dep.Name),
                Scope = value.GetFlag("dev") ? DependencyScope.Development
                    : value.GetFlag("optional") ? DependencyScope.Optional
                    : DependencyScope.Production,
                ManifestPath = file.RelativePath,
                Line = line,
                ManifestKind = kind,
                FromLockfile = true,
            });
            if (value.TryGetProperty("dependencies", out var nested) && nested.ValueKind == JsonValueKind.Object)
            {
                ParseV1(file, nested, kind, declared, topLevel: false, result);
            }
        }
    }

    private static HashSet<string> DirectNamesFromSibling(ManifestFile file)
    {
        var manifest = file.OpenSibling("package.json");
        if (manifest is null) return [];
        return [.. PackageJsonParser.ReadDeclared(manifest, new ParseResult()).Select(d => d.Name)];
    }
}
